using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Trust;

namespace FedHealth.WebConsole.Access;

/// <summary>
/// Who may open a console over HTTPS: a client certificate of the consortium CA (valid, not
/// revoked, fit for TLS) whose identity is in the <c>operator</c> role. A site's or the
/// coordinator's certificate is refused: the machines speak the protocol, people read the console.
/// </summary>
/// <param name="refused">Told every refusal with its reason (the host's logger).</param>
public sealed class OperatorAccess(ConsortiumTrust trust, Action<string>? refused = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Null when <paramref name="certificate"/> admits its holder; otherwise why not, in words fit for the log (no secrets).</summary>
    public string? Refusal(X509Certificate2? certificate, X509Chain? chain)
    {
        var refusal = trust.Verify(certificate, chain, _time.GetUtcNow()) switch
        {
            PeerVerdict.Accepted { Role: PeerRole.Operator } => null,
            PeerVerdict.Accepted accepted => $"{accepted.Role.ToText()} '{accepted.Id}' is not an operator; issue one with fedhealth certs issue --role operator",
            PeerVerdict.Rejected rejected => $"{rejected.Reason}: {rejected.Message}",
            var other => $"not accepted ({other})",
        };
        if (refusal is not null)
        {
            Interlocked.Increment(ref _refused);
            refused?.Invoke(refusal);
        }

        return refusal;
    }
}
