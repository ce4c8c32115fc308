using FedHealth.Pki.Passwords;
using FedHealth.Pki.Revocation;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Authority;

/// <summary>A new consortium root CA in <see cref="Directory"/>, which must not hold one already.</summary>
public sealed record InitCaRequest(string Directory, string ConsortiumName)
{
    public const int DefaultDays = 3650;

    public int Days { get; init; } = DefaultDays;

    /// <summary>The password of <c>ca.p12</c>; null generates one and writes it to <c>ca.p12.pass</c>.</summary>
    public PasswordSource? Password { get; init; }

    public TimeSpan CrlValidity { get; init; } = CrlPublisher.DefaultValidity;

    /// <summary>The PBKDF2 strength of the new PKCS#12 file: <see cref="KeyFileProtection.Throwaway"/> only for a PKI that lives as long as one local run.</summary>
    public KeyFileProtection KeyProtection { get; init; } = KeyFileProtection.Strong;
}
