using FedHealth.Crypto.Prg;

namespace FedHealth.Crypto.Tests.Prg;

public sealed class AesCtrPrgTests
{
    private const string Sp80038aKey = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";

    public static TheoryData<bool> Implementations()
    {
        var data = new TheoryData<bool> { false };
        if (AesCtrPrg.IsHardwareAccelerated)
        {
            data.Add(true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void First_block_is_the_FIPS_197_appendix_C3_cipher_block(bool aesNi)
    {
        using var prg = new AesCtrPrg(
            Hex.Bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
            Hex.Bytes("00112233445566778899aabbccddeeff"),
            aesNi);
        var block = new byte[16];

        prg.Generate(block);

        Assert.Equal("8ea2b7ca516745bfeafc49904b496089", Hex.Of(block));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Encrypts_the_SP_800_38A_F55_CTR_AES256_vector(bool aesNi)
    {
        var plaintext = Hex.Bytes(
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        using var prg = new AesCtrPrg(Hex.Bytes(Sp80038aKey), Hex.Bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), aesNi);
        var keystream = new byte[plaintext.Length];

        prg.Generate(keystream);
        var ciphertext = plaintext.Zip(keystream, (p, k) => (byte)(p ^ k)).ToArray();

        Assert.Equal(
            "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6",
            Hex.Of(ciphertext));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Counter_carries_from_the_low_into_the_high_64_bits(bool aesNi)
    {
        // Ten blocks from ...0001 fffffffffffffffc: the low half wraps inside the first batch of eight.
        using var prg = new AesCtrPrg(Hex.Bytes(Sp80038aKey), Hex.Bytes("0000000000000001fffffffffffffffc"), aesNi);
        var keystream = new byte[160];

        prg.Generate(keystream);

        Assert.Equal(
            "7440d2e554b7a734797c9e52c4491ce26f3b2ac3020a3ee3fd3ec4a6a759b0a549f08bcbd81486c4e2afc3acbcbf495be1c37cbda4ea85ee6157c00634088096"
            + "a3759e136e635d043011fb7d933c2518d9466bfaff3360d89189c5f252a4e26c0521155c93bc6b8727b658ce6c7fd80cc691e2a05111f9880c2adb12aba80dd4"
            + "fcb9e5c2d0a8bc75f343311dcc75a8d79ab494c148863f67b2d123f59fd558d6",
            Hex.Of(keystream));
    }

    [Fact]
    public void Hardware_and_portable_implementations_agree_on_any_length_and_offset()
    {
        if (!AesCtrPrg.IsHardwareAccelerated)
        {
            return;
        }

        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var key = new byte[32];
            var counter = new byte[16];
            random.NextBytes(key);
            random.NextBytes(counter);
            var length = random.Next(0, 3000);
            var first = random.Next(0, 1000);
            using var fast = new AesCtrPrg(key, counter, useAesNi: true);
            using var portable = new AesCtrPrg(key, counter, useAesNi: false);
            var a = new byte[length];
            var b = new byte[length];

            fast.Generate(a, first);
            portable.Generate(b, first);

            Assert.Equal(b, a);
        }
    }

    [Fact]
    public void Generating_from_a_block_offset_continues_the_same_stream()
    {
        using var prg = new AesCtrPrg(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var whole = new byte[1000];
        var suffix = new byte[1000 - (16 * 9)];

        prg.Generate(whole);
        prg.Generate(suffix, firstBlock: 9);

        Assert.Equal(whole.AsSpan(16 * 9).ToArray(), suffix);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Adding_and_subtracting_32_bit_words_match_the_generated_keystream(bool aesNi)
    {
        var key = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        using var prg = new AesCtrPrg(key, default, aesNi);
        const int count = 1003;
        var keystream = new byte[count * 4];
        prg.Generate(keystream, firstBlock: 2);
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(keystream).ToArray();
        var start = Enumerable.Range(0, count).Select(i => (uint)(i * 2654435761u)).ToArray();
        var acc = (uint[])start.Clone();

        prg.AddTo(acc, firstElement: 8);
        Assert.Equal(start.Zip(words, (s, w) => unchecked(s + w)).ToArray(), acc);

        prg.SubtractFrom(acc, firstElement: 8);
        Assert.Equal(start, acc);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Adding_and_subtracting_64_bit_words_match_the_generated_keystream(bool aesNi)
    {
        var key = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
        using var prg = new AesCtrPrg(key, default, aesNi);
        const int count = 257;
        var keystream = new byte[count * 8];
        prg.Generate(keystream);
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(keystream).ToArray();
        var start = Enumerable.Range(0, count).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var acc = (ulong[])start.Clone();

        prg.AddTo(acc);
        Assert.Equal(start.Zip(words, (s, w) => unchecked(s + w)).ToArray(), acc);

        prg.SubtractFrom(acc);
        Assert.Equal(start, acc);
    }

    [Fact]
    public void An_unaligned_first_element_is_rejected()
    {
        using var prg = new AesCtrPrg(new byte[32]);

        Assert.Throws<ArgumentException>(() => prg.AddTo(new uint[8], firstElement: 3));
    }

    [Fact]
    public void Seeds_that_differ_in_any_byte_give_unrelated_streams()
    {
        var seed = new byte[32];
        var other = new byte[32];
        other[31] = 1;
        using var a = AesCtrPrg.FromSeed(seed, "salt"u8, "info"u8);
        using var b = AesCtrPrg.FromSeed(other, "salt"u8, "info"u8);
        using var c = AesCtrPrg.FromSeed(seed, "salt"u8, "other purpose"u8);
        var x = new byte[64];
        var y = new byte[64];
        var z = new byte[64];

        a.Generate(x);
        b.Generate(y);
        c.Generate(z);

        Assert.NotEqual(x, y);
        Assert.NotEqual(x, z);
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_rejected()
    {
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => new AesCtrPrg(new byte[16]));
    }
}
