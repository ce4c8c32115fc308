using System.Security.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FedHealth.Crypto.Signatures;

/// <summary>
/// A site's long-term Ed25519 signing key (RFC 8032, pure Ed25519), BouncyCastle underneath since
/// .NET has no Ed25519. Its public half is enrolled with the site's identity.
/// </summary>
public sealed class Ed25519SigningKey : IDisposable
{
    public const int PrivateKeySize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private readonly byte[] _privateKey;

    private Ed25519SigningKey(byte[] privateKey)
    {
        _privateKey = privateKey;
        PublicKey = new byte[PublicKeySize];
        BcEd25519.GeneratePublicKey(_privateKey, PublicKey);
    }

    /// <summary>The 32-byte public key. Callers must not mutate it.</summary>
    public byte[] PublicKey { get; }

    public static Ed25519SigningKey Generate() => new(RandomNumberGenerator.GetBytes(PrivateKeySize));

    public static Ed25519SigningKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
        {
            throw new CryptographicException($"An Ed25519 private key has {PrivateKeySize} bytes, not {privateKey.Length}.");
        }

        return new Ed25519SigningKey(privateKey.ToArray());
    }

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureSize];
        // Spans select the pure Ed25519 overload (a byte[] second argument would be an Ed25519ctx context).
        BcEd25519.Sign((ReadOnlySpan<byte>)_privateKey, (ReadOnlySpan<byte>)PublicKey, message, signature);
        return signature;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_privateKey);
}
