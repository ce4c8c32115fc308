using System.Security.Cryptography;
using FedHealth.Crypto.KeyAgreement;

namespace FedHealth.Crypto.Tests.KeyAgreement;

public sealed class X25519KeyPairTests
{
    [Theory]
    // RFC 7748 §5.2, the two scalar-multiplication vectors.
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData(
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void Scalar_multiplication_matches_RFC_7748_section_5_2(string scalar, string u, string expected)
    {
        using var key = X25519KeyPair.FromPrivateKey(Hex.Bytes(scalar));

        Assert.Equal(expected, Hex.Of(key.Agree(Hex.Bytes(u))));
    }

    [Fact]
    public void Iterating_the_ladder_matches_RFC_7748_after_1_and_1000_iterations()
    {
        var k = new byte[32];
        k[0] = 9;
        var u = (byte[])k.Clone();
        for (var i = 1; i <= 1000; i++)
        {
            using var pair = X25519KeyPair.FromPrivateKey(k);
            var result = pair.Agree(u);
            u = k;
            k = result;
            if (i == 1)
            {
                Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", Hex.Of(k));
            }
        }

        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", Hex.Of(k));
    }

    [Fact]
    public void Diffie_Hellman_matches_RFC_7748_section_6_1()
    {
        using var alice = X25519KeyPair.FromPrivateKey(Hex.Bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        using var bob = X25519KeyPair.FromPrivateKey(Hex.Bytes("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));

        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Hex.Of(alice.PublicKey));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Hex.Of(bob.PublicKey));
        const string shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        Assert.Equal(shared, Hex.Of(alice.Agree(bob.PublicKey)));
        Assert.Equal(shared, Hex.Of(bob.Agree(alice.PublicKey)));
    }

    [Fact]
    public void Generated_pairs_agree_and_a_pair_survives_export_and_import()
    {
        using var a = X25519KeyPair.Generate();
        using var b = X25519KeyPair.Generate();
        using var restored = X25519KeyPair.FromPrivateKey(a.ExportPrivateKey());

        Assert.Equal(a.PublicKey, restored.PublicKey);
        Assert.Equal(a.Agree(b.PublicKey), b.Agree(a.PublicKey));
        Assert.Equal(a.Agree(b.PublicKey), restored.Agree(b.PublicKey));
    }

    [Fact]
    public void A_low_order_public_key_is_rejected()
    {
        using var a = X25519KeyPair.Generate();

        Assert.Throws<CryptographicException>(() => a.Agree(new byte[32]));
        var one = new byte[32];
        one[0] = 1;
        Assert.Throws<CryptographicException>(() => a.Agree(one));
    }

    [Fact]
    public void A_public_key_of_the_wrong_size_is_rejected()
    {
        using var a = X25519KeyPair.Generate();

        Assert.Throws<CryptographicException>(() => a.Agree(new byte[31]));
        Assert.Throws<CryptographicException>(() => X25519KeyPair.FromPrivateKey(new byte[33]));
    }
}
