using System.Security.Cryptography;
using FedHealth.Crypto.Aead;

namespace FedHealth.Crypto.Tests.Aead;

public sealed class AesGcmAeadTests
{
    private const string Key = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private const string Nonce = "cafebabefacedbaddecaf888";

    [Fact]
    public void Seals_GCM_spec_test_case_16_with_associated_data()
    {
        var box = AesGcmAead.SealWithNonce(
            Hex.Bytes(Key),
            Hex.Bytes(Nonce),
            Hex.Bytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"),
            Hex.Bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2"));

        Assert.Equal(
            Nonce
            + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            + "76fc6ece0f4e1768cddf8853bb2d551b",
            Hex.Of(box));
    }

    [Fact]
    public void Seals_GCM_spec_test_cases_13_and_14_with_the_zero_key()
    {
        Assert.Equal("000000000000000000000000" + "530f8afbc74536b9a963b4f1c4cb738b", Hex.Of(AesGcmAead.SealWithNonce(new byte[32], new byte[12], [], [])));
        Assert.Equal(
            "000000000000000000000000" + "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919",
            Hex.Of(AesGcmAead.SealWithNonce(new byte[32], new byte[12], new byte[16], [])));
    }

    [Fact]
    public void Opens_what_it_sealed_with_the_same_associated_data()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var box = AesGcmAead.Seal(key, "share"u8, "session|round|u|v"u8);

        Assert.True(AesGcmAead.TryOpen(key, box, "session|round|u|v"u8, out var plaintext));
        Assert.Equal("share"u8.ToArray(), plaintext);
    }

    [Fact]
    public void Rejects_other_associated_data_a_flipped_bit_a_truncated_box_and_another_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var box = AesGcmAead.Seal(key, "share"u8, "round 1"u8);

        Assert.False(AesGcmAead.TryOpen(key, box, "round 2"u8, out _));
        var flipped = (byte[])box.Clone();
        flipped[AesGcmAead.NonceSize] ^= 0x80;
        Assert.False(AesGcmAead.TryOpen(key, flipped, "round 1"u8, out _));
        Assert.False(AesGcmAead.TryOpen(key, box.AsSpan(0, AesGcmAead.Overhead - 1), "round 1"u8, out _));
        Assert.False(AesGcmAead.TryOpen(RandomNumberGenerator.GetBytes(32), box, "round 1"u8, out _));
    }

    [Fact]
    public void Two_seals_of_the_same_message_use_different_nonces()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.NotEqual(AesGcmAead.Seal(key, "m"u8, []), AesGcmAead.Seal(key, "m"u8, []));
    }
}
