using System.Security.Cryptography;

namespace FedHealth.Crypto.Kdf;

/// <summary>HKDF with SHA-256 (RFC 5869), the only key derivation the protocol uses.</summary>
public static class HkdfSha256
{
    /// <summary>Extract-then-expand <paramref name="length"/> bytes of key material.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var output = new byte[length];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, output, salt, info);
        return output;
    }

    /// <summary>Extract-then-expand into <paramref name="output"/> (no allocation).</summary>
    public static void DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKeyMaterial, output, salt, info);
}
