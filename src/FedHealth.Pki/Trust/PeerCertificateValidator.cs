using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Pki.Trust;

/// <summary>
/// Plugs <see cref="ConsortiumTrust"/> into a TLS stack: as an SslStream
/// <see cref="RemoteCertificateValidationCallback"/> or as a
/// <c>Func&lt;X509Certificate2, X509Chain?, SslPolicyErrors, bool&gt;</c> (which Akka.Remote's
/// certificate-validation callback wraps in one lambda). It accepts only an
/// <see cref="PeerVerdict.Accepted"/> verdict, remembers the verdict per connection, and counts
/// acceptances and rejections per reason.
/// </summary>
/// <remarks>
/// The TLS stack's own <see cref="SslPolicyErrors"/> are deliberately not used: its chain errors
/// come from the machine's trust store, which does not hold the consortium CA, and peers are
/// identified by their <c>urn:fedhealth:</c> identity, not by a host name.
/// </remarks>
public sealed class PeerCertificateValidator
{
    private readonly ConsortiumTrust _trust;
    private readonly Action<PeerVerdict>? _onVerdict;
    private readonly TimeProvider _time;
    private readonly long[] _rejections = new long[Enum.GetValues<RejectionReason>().Length];
    private readonly ConditionalWeakTable<object, PeerVerdict> _byConnection = [];
    private long _accepted;
    private PeerVerdict? _last;

    public PeerCertificateValidator(ConsortiumTrust trust, Action<PeerVerdict>? onVerdict = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(trust);
        _trust = trust;
        _onVerdict = onVerdict;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>For <c>SslServerAuthenticationOptions.RemoteCertificateValidationCallback</c> and its client twin.</summary>
    public RemoteCertificateValidationCallback Callback => Validate;

    /// <summary>For transports that hand over the certificate, the chain and the policy errors.</summary>
    public Func<X509Certificate2, X509Chain?, SslPolicyErrors, bool> Function => (certificate, chain, errors) => Validate(null, certificate, chain, errors);

    /// <summary>The most recent verdict, on any connection.</summary>
    public PeerVerdict? LastVerdict => Volatile.Read(ref _last);

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>The verdict given on the connection <paramref name="sender"/> (the SslStream), if any.</summary>
    public PeerVerdict? VerdictFor(object sender) => _byConnection.TryGetValue(sender, out var verdict) ? verdict : null;

    public long Rejections(RejectionReason reason) => Interlocked.Read(ref _rejections[(int)reason]);

    /// <summary>A snapshot of the rejection counters, every reason included.</summary>
    public IReadOnlyDictionary<RejectionReason, long> RejectionCounts() =>
        Enum.GetValues<RejectionReason>().ToDictionary(reason => reason, Rejections);

    public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var verdict = Verify(certificate, chain);
        if (verdict is PeerVerdict.Rejected rejected)
        {
            Interlocked.Increment(ref _rejections[(int)rejected.Reason]);
        }
        else
        {
            Interlocked.Increment(ref _accepted);
        }

        Volatile.Write(ref _last, verdict);
        if (sender is not null)
        {
            _byConnection.AddOrUpdate(sender, verdict);
        }

        _onVerdict?.Invoke(verdict);
        return verdict.IsAccepted;
    }

    private PeerVerdict Verify(X509Certificate? certificate, X509Chain? chain)
    {
        if (certificate is X509Certificate2 or null)
        {
            return _trust.Verify(certificate as X509Certificate2, chain, _time.GetUtcNow());
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return _trust.Verify(copy, chain, _time.GetUtcNow());
    }
}
