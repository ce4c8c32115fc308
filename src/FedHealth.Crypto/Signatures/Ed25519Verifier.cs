using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FedHealth.Crypto.Signatures;

/// <summary>Ed25519 signature verification; false (never an exception) for anything malformed.</summary>
public static class Ed25519Verifier
{
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Ed25519SigningKey.PublicKeySize || signature.Length != Ed25519SigningKey.SignatureSize)
        {
            return false;
        }

        try
        {
            return BcEd25519.Verify(signature, publicKey, message);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
