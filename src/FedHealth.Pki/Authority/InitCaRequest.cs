using FedHealth.Pki.Passwords;
using FedHealth.Pki.Revocation;

namespace FedHealth.Pki.Authority;

/// <summary>A new consortium root CA in <see cref="Directory"/>, which must not hold one already.</summary>
public sealed record InitCaRequest(string Directory, string ConsortiumName)
{
    public const int DefaultDays = 3650;

    public int Days { get; init; } = DefaultDays;

    /// <summary>The password of <c>ca.p12</c>; null generates one and writes it to <c>ca.p12.pass</c>.</summary>
    public PasswordSource? Password { get; init; }

    public TimeSpan CrlValidity { get; init; } = CrlPublisher.DefaultValidity;
}
