using System.Net;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Issuance;

/// <summary>
/// A certificate for a site or the coordinator, written to <see cref="OutputDirectory"/>. The
/// validity is <see cref="Days"/> from now unless both <see cref="NotBefore"/> and
/// <see cref="NotAfter"/> are given (tests use that to make an expired certificate).
/// </summary>
public sealed record IssueRequest(string Id, PeerRole Role, string OutputDirectory)
{
    public const int DefaultDays = 365;

    public int Days { get; init; } = DefaultDays;

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public IReadOnlyList<string> DnsNames { get; init; } = ["localhost"];

    public IReadOnlyList<IPAddress> IpAddresses { get; init; } = [IPAddress.Loopback];

    /// <summary>The password of the new PKCS#12 file; null generates one and writes it beside the file.</summary>
    public PasswordSource? Password { get; init; }

    /// <summary>Issue even though the id already holds a valid certificate (which stays valid until revoked).</summary>
    public bool Force { get; init; }

    /// <summary>The PBKDF2 strength of the new PKCS#12 file: <see cref="KeyFileProtection.Throwaway"/> only for a PKI that lives as long as one local run.</summary>
    public KeyFileProtection KeyProtection { get; init; } = KeyFileProtection.Strong;

    public ValidityWindow Window(DateTimeOffset now) => (NotBefore, NotAfter) switch
    {
        (null, null) => ValidityWindow.ForDays(now, Days),
        ({ } from, { } to) => new ValidityWindow(from, to),
        _ => throw new PkiException("Give both the start and the end of an explicit validity window, or neither."),
    };
}
