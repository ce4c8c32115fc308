using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Pki.Trust;

/// <summary>
/// Chain building against the consortium CA alone (X509ChainTrustMode.CustomRootTrust): the
/// machine's trust store plays no part, so a certificate from any public CA is refused.
/// </summary>
internal static class AuthorityChain
{
    /// <summary>The CA certificate from a PEM or DER file, refusing anything that is not a CA.</summary>
    public static X509Certificate2 LoadAuthority(string path)
    {
        if (!File.Exists(path))
        {
            throw new PkiException($"The consortium CA certificate {path} does not exist.");
        }

        X509Certificate2 authority;
        try
        {
            authority = X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException ex)
        {
            throw new PkiException($"{path} is not a certificate ({ex.Message}).", ex);
        }

        if (authority.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            authority.Dispose();
            throw new PkiException($"{path} is not a CA certificate.");
        }

        return authority;
    }

    /// <summary>Null when <paramref name="peer"/> chains to <paramref name="authority"/> and nothing else; otherwise the chain's complaints.</summary>
    public static string? Problem(X509Certificate2 peer, X509Chain? presentedChain, X509Certificate2 authority, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(authority);
        // Revocation is the consortium CRL's job (ConsortiumTrust checks the serial); time validity is
        // checked there too, so an expired certificate is reported as expired, not as untrusted.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        policy.VerificationTime = now.UtcDateTime;
        policy.DisableCertificateDownloads = true;
        foreach (var element in presentedChain?.ChainElements ?? Enumerable.Empty<X509ChainElement>())
        {
            if (!element.Certificate.RawData.AsSpan().SequenceEqual(peer.RawData))
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        try
        {
            if (!chain.Build(peer))
            {
                var statuses = chain.ChainStatus.Select(s => string.IsNullOrWhiteSpace(s.StatusInformation) ? s.Status.ToString() : s.StatusInformation.Trim());
                return string.Join("; ", statuses.Distinct());
            }

            var root = chain.ChainElements[^1].Certificate;
            return root.RawData.AsSpan().SequenceEqual(authority.RawData) ? null : "its chain ends at another root";
        }
        finally
        {
            // The chain's element certificates are its own copies; release their native handles now, not at GC.
            foreach (var certificate in chain.ChainElements.Select(e => e.Certificate))
            {
                if (!ReferenceEquals(certificate, peer) && !ReferenceEquals(certificate, authority) && !policy.ExtraStore.Contains(certificate))
                {
                    certificate.Dispose();
                }
            }
        }
    }
}
