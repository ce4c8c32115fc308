namespace FedHealth.Crypto.SecretSharing;

/// <summary>
/// One Shamir share: the evaluation point (a non-zero index) and the value, which is one
/// big-endian 8-byte field element per 56-bit limb of the secret.
/// </summary>
public sealed record ShamirShare(int Index, byte[] Value);
