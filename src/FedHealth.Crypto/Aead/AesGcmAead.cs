using System.Security.Cryptography;

namespace FedHealth.Crypto.Aead;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce: a sealed box is nonce ‖ ciphertext ‖ 128-bit tag.
/// Each key seals only a handful of messages, far below the 2^32 random-nonce limit.
/// </summary>
public static class AesGcmAead
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        CheckKey(key);
        var box = new byte[Overhead + plaintext.Length];
        var nonce = box.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, box.AsSpan(NonceSize, plaintext.Length), box.AsSpan(NonceSize + plaintext.Length), associatedData);
        return box;
    }

    /// <summary>Seal with a caller-chosen nonce: for known-answer tests only.</summary>
    internal static byte[] SealWithNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        CheckKey(key);
        var box = new byte[Overhead + plaintext.Length];
        nonce.CopyTo(box);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, box.AsSpan(NonceSize, plaintext.Length), box.AsSpan(NonceSize + plaintext.Length), associatedData);
        return box;
    }

    /// <summary>
    /// Opens a sealed box; false when the box is malformed, the key is wrong, or the ciphertext
    /// or associated data were altered (no partial plaintext is ever returned).
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> box, ReadOnlySpan<byte> associatedData, out byte[] plaintext)
    {
        CheckKey(key);
        plaintext = [];
        if (box.Length < Overhead)
        {
            return false;
        }

        var length = box.Length - Overhead;
        var output = new byte[length];
        using var gcm = new AesGcm(key, TagSize);
        try
        {
            gcm.Decrypt(box[..NonceSize], box.Slice(NonceSize, length), box[(NonceSize + length)..], output, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plaintext = output;
        return true;
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new CryptographicException($"AES-256-GCM takes a {KeySize}-byte key, not {key.Length}.");
        }
    }
}
