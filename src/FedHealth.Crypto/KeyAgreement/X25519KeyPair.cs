using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace FedHealth.Crypto.KeyAgreement;

/// <summary>
/// An X25519 key pair (RFC 7748), BouncyCastle underneath since .NET has no X25519.
/// The private key is exported only so that it can be secret-shared; never log it.
/// </summary>
public sealed class X25519KeyPair : IDisposable
{
    public const int KeySize = 32;

    private readonly byte[] _privateKey;

    private X25519KeyPair(byte[] privateKey)
    {
        _privateKey = privateKey;
        PublicKey = new byte[KeySize];
        X25519.ScalarMultBase(_privateKey, PublicKey);
    }

    /// <summary>The 32-byte public u-coordinate. Callers must not mutate it.</summary>
    public byte[] PublicKey { get; }

    /// <summary>A fresh key pair from the operating system's CSPRNG.</summary>
    public static X25519KeyPair Generate() => new(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>Rebuilds a key pair from its 32 private bytes (e.g. after Shamir reconstruction).</summary>
    public static X25519KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeySize)
        {
            throw new CryptographicException($"An X25519 private key has {KeySize} bytes, not {privateKey.Length}.");
        }

        return new X25519KeyPair(privateKey.ToArray());
    }

    /// <summary>A copy of the private key, for secret sharing only.</summary>
    public byte[] ExportPrivateKey() => (byte[])_privateKey.Clone();

    /// <summary>
    /// The raw shared secret with <paramref name="peerPublicKey"/>. Throws for a key of the wrong
    /// size and for a low-order peer key (all-zero output, RFC 7748 §6.1), which an attacker could
    /// use to force a known secret.
    /// </summary>
    public byte[] Agree(ReadOnlySpan<byte> peerPublicKey)
    {
        if (peerPublicKey.Length != KeySize)
        {
            throw new CryptographicException($"An X25519 public key has {KeySize} bytes, not {peerPublicKey.Length}.");
        }

        var shared = new byte[KeySize];
        X25519.ScalarMult(_privateKey, peerPublicKey, shared);
        var acc = 0;
        foreach (var b in shared)
        {
            acc |= b;
        }

        if (acc == 0)
        {
            throw new CryptographicException("X25519 agreement produced the all-zero secret (low-order public key).");
        }

        return shared;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_privateKey);
}
