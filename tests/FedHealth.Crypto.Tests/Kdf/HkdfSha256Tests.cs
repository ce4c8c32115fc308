using FedHealth.Crypto.Kdf;

namespace FedHealth.Crypto.Tests.Kdf;

public sealed class HkdfSha256Tests
{
    [Fact]
    public void Derives_RFC_5869_test_case_1()
    {
        var okm = HkdfSha256.DeriveKey(
            Hex.Bytes("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
            Hex.Bytes("000102030405060708090a0b0c"),
            Hex.Bytes("f0f1f2f3f4f5f6f7f8f9"),
            42);

        Assert.Equal("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", Hex.Of(okm));
    }

    [Fact]
    public void Derives_RFC_5869_test_case_2_with_long_inputs()
    {
        var okm = HkdfSha256.DeriveKey(
            Enumerable.Range(0x00, 0x50).Select(i => (byte)i).ToArray(),
            Enumerable.Range(0x60, 0x50).Select(i => (byte)i).ToArray(),
            Enumerable.Range(0xb0, 0x50).Select(i => (byte)i).ToArray(),
            82);

        Assert.Equal(
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
            Hex.Of(okm));
    }

    [Fact]
    public void Derives_RFC_5869_test_case_3_with_empty_salt_and_info()
    {
        var okm = HkdfSha256.DeriveKey(Hex.Bytes("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), [], [], 42);

        Assert.Equal("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", Hex.Of(okm));
    }
}
