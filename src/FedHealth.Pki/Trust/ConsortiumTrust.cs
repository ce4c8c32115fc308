using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Revocation;

namespace FedHealth.Pki.Trust;

/// <summary>
/// Decides whether a TLS peer is a member of the consortium: its certificate chains to the
/// consortium CA (and to nothing else), is inside its validity, is not on the CA's CRL, carries
/// one FedHealth identity and is meant for mutual TLS. The CRL file is re-read when it changes,
/// without a restart; a changed file that is not correctly signed by the CA, or is older than the
/// CRL in use, is refused and the previous CRL kept. Safe to call from many handshakes at once.
/// </summary>
public sealed class ConsortiumTrust : IDisposable
{
    private readonly X509Certificate2 _authority;
    private readonly string _crlPath;
    private readonly ConsortiumTrustOptions _options;
    private readonly Lock _reload = new();
    private volatile LoadedCrl _crl;
    private FileStamp _seen;
    private long _lastCheck;
    private volatile string? _lastProblem;

    private ConsortiumTrust(X509Certificate2 authority, string crlPath, ConsortiumTrustOptions options, LoadedCrl crl)
    {
        _authority = authority;
        _crlPath = crlPath;
        _options = options;
        _crl = crl;
        _seen = crl.Stamp;
        _lastCheck = options.Time.GetUtcNow().UtcTicks;
    }

    /// <summary>The consortium root the peers must chain to.</summary>
    public X509Certificate2 Authority => _authority;

    /// <summary>The CRL in use.</summary>
    public SignedCrl Crl => _crl.Crl;

    /// <summary>Why the last changed CRL file was refused; null once a good one is loaded.</summary>
    public string? LastCrlProblem => _lastProblem;

    /// <summary>Reads the CA certificate and the CRL; fails at once, with the reason, if either is unusable.</summary>
    public static ConsortiumTrust Load(string caCertificatePath, string crlPath, ConsortiumTrustOptions? options = null)
    {
        var authority = AuthorityChain.LoadAuthority(Path.GetFullPath(caCertificatePath));
        var path = Path.GetFullPath(crlPath);
        try
        {
            if (!File.Exists(path))
            {
                throw new PkiException($"The CRL {path} does not exist.");
            }

            LoadedCrl crl;
            try
            {
                crl = ReadCrl(path, authority, FileStamp.Of(path));
            }
            catch (PkiException ex)
            {
                throw new PkiException($"The CRL {path} is refused: {ex.Message}.", ex);
            }

            return new ConsortiumTrust(authority, path, options ?? new ConsortiumTrustOptions(), crl);
        }
        catch
        {
            authority.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks <paramref name="peer"/> at time <paramref name="now"/>. <paramref name="presentedChain"/>
    /// (the TLS stack's chain, if any) only supplies intermediates; trust comes from the CA alone.
    /// </summary>
    public PeerVerdict Verify(X509Certificate2? peer, X509Chain? presentedChain, DateTimeOffset now)
    {
        if (peer is null)
        {
            return Reject(RejectionReason.NoCertificate, "the peer presented no certificate");
        }

        CheckCrlIfDue();
        if (AuthorityChain.Problem(peer, presentedChain, _authority, now) is { } chainProblem)
        {
            return Reject(RejectionReason.WrongCa, $"{peer.Subject} does not chain to the consortium CA: {chainProblem}");
        }

        if (now > _authority.NotAfter.ToUniversalTime())
        {
            return Reject(RejectionReason.Expired, $"the consortium CA expired on {_authority.NotAfter.ToUniversalTime():u}");
        }

        if (now < peer.NotBefore.ToUniversalTime())
        {
            return Reject(RejectionReason.NotYetValid, $"{peer.Subject} is not valid before {peer.NotBefore.ToUniversalTime():u}");
        }

        if (now > peer.NotAfter.ToUniversalTime())
        {
            return Reject(RejectionReason.Expired, $"{peer.Subject} expired on {peer.NotAfter.ToUniversalTime():u}");
        }

        var crl = _crl.Crl;
        if (crl.IsRevoked(peer))
        {
            return Reject(RejectionReason.Revoked, $"{peer.Subject} (serial {peer.SerialNumber}) is revoked by CRL {crl.Number}");
        }

        if (crl.IsStaleAt(now))
        {
            return Reject(RejectionReason.RevocationUnknown, $"the consortium CRL {crl.Number} expired on {crl.NextUpdate:u}; the CA must publish a fresh one");
        }

        if (PeerUsage.Problem(peer) is { } usageProblem)
        {
            return Reject(RejectionReason.WrongUsage, $"{peer.Subject} {usageProblem}");
        }

        if (SubjectAlternativeNames.IdentityOf(peer, out var identityProblem) is not { } identity)
        {
            return Reject(RejectionReason.MissingIdentity, $"{peer.Subject}: {identityProblem}");
        }

        if (_options.Enrolled is not null && identity.Role == PeerRole.Operator)
        {
            return Reject(RejectionReason.WrongUsage, $"operator '{identity.Id}' holds a console certificate, which opens no protocol connection");
        }

        if (_options.EnrolledRole is { } role && identity.Role != role)
        {
            return Reject(RejectionReason.NotEnrolled, $"{identity.Role.ToText()} '{identity.Id}' holds a {identity.Role.ToText()}'s certificate; only a {role.ToText()}'s is admitted here");
        }

        if (_options.Enrolled is { } enrolled && !enrolled.Contains(identity.Id))
        {
            return Reject(RejectionReason.NotEnrolled, $"{identity.Role.ToText()} '{identity.Id}' is not enrolled");
        }

        return new PeerVerdict.Accepted(identity.Id, identity.Role);
    }

    /// <summary>Looks at the CRL file now, whatever the interval, and loads it if it changed and is good.</summary>
    public CrlReload CheckCrl()
    {
        lock (_reload)
        {
            Interlocked.Exchange(ref _lastCheck, _options.Time.GetUtcNow().UtcTicks);
            var stamp = FileStamp.Of(_crlPath);
            if (stamp == _seen)
            {
                return CrlReload.Unchanged;
            }

            _seen = stamp;
            try
            {
                if (!stamp.Exists)
                {
                    throw new PkiException("the file is missing");
                }

                var candidate = ReadCrl(_crlPath, _authority, stamp);
                if (candidate.Crl.Number < _crl.Crl.Number)
                {
                    throw new PkiException($"its number {candidate.Crl.Number} is lower than that of the CRL in use ({_crl.Crl.Number})");
                }

                _crl = candidate;
                _lastProblem = null;
                return CrlReload.Loaded;
            }
            catch (Exception ex) when (ex is PkiException or IOException or UnauthorizedAccessException)
            {
                _lastProblem = $"the CRL {_crlPath} was refused ({ex.Message}); CRL {_crl.Crl.Number} stays in use";
                _options.CrlRefused?.Invoke(_lastProblem);
                return CrlReload.Refused;
            }
        }
    }

    public void Dispose() => _authority.Dispose();

    private void CheckCrlIfDue()
    {
        var now = _options.Time.GetUtcNow().UtcTicks;
        if (now - Interlocked.Read(ref _lastCheck) >= _options.CrlCheckInterval.Ticks)
        {
            CheckCrl();
        }
    }

    private static PeerVerdict Reject(RejectionReason reason, string message) => new PeerVerdict.Rejected(reason, message);

    private static LoadedCrl ReadCrl(string path, X509Certificate2 authority, FileStamp stamp) =>
        new(SignedCrl.Parse(File.ReadAllText(path), authority), stamp);

    private sealed record LoadedCrl(SignedCrl Crl, FileStamp Stamp);
}
