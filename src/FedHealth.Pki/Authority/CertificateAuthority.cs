using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Revocation;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Authority;

/// <summary>
/// The consortium's certificate authority, opened from its folder with its private key: it issues
/// certificates, revokes them and publishes the CRL. Each change holds the folder's lock and
/// writes every file atomically; the index is written before the files it describes, so a crash
/// never leaves a certificate the authority does not know about.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly TimeProvider _time;

    private CertificateAuthority(CaDirectory directory, X509Certificate2 certificate, TimeProvider time)
    {
        Directory = directory;
        _certificate = certificate;
        _time = time;
        Certificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
    }

    public CaDirectory Directory { get; }

    /// <summary>The root certificate's public half (what goes into a site's PKCS#12 file beside its own).</summary>
    public X509Certificate2 Certificate { get; }

    public static CaCreated Initialize(InitCaRequest request, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = new CaDirectory(request.Directory);
        var name = RootCertificate.ValidateName(request.ConsortiumName);
        var password = NewPassword.Resolve(request.Password);
        System.IO.Directory.CreateDirectory(directory.Path);
        using var _ = CaLock.Take(directory);
        if (directory.HoldsAuthority || (password.Generated && File.Exists(directory.PasswordFile)))
        {
            throw new PkiException($"{directory.Path} already holds a consortium CA; its keys are never overwritten.");
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var root = RootCertificate.Create(name, now, request.Days);
        var passwordFile = NewPassword.WriteIfGenerated(password, directory.Pkcs12, overwrite: false);
        Pkcs12File.Write(directory.Pkcs12, [root], password, overwrite: false, request.KeyProtection);
        AtomicFile.WritePublic(directory.Certificate, root.ExportCertificatePem() + "\n", overwrite: false);
        var index = CertificateIndex.Empty(name).NextCrl();
        AtomicFile.WritePublic(directory.Crl, CrlPublisher.Build(root, [], index.CrlNumber, now, request.CrlValidity), overwrite: false);
        index.Save(directory.Index, overwrite: false);
        return new CaCreated(directory, root.SerialNumber, root.NotAfter.ToUniversalTime(), passwordFile);
    }

    /// <summary>Opens the CA with its private key; without a password source, the password is read from <c>ca.p12.pass</c>.</summary>
    public static CertificateAuthority Open(string directory, PasswordSource? password = null, TimeProvider? time = null)
    {
        var ca = new CaDirectory(directory);
        if (!File.Exists(ca.Pkcs12))
        {
            throw new PkiException($"{ca.Path} holds no consortium CA ({CaDirectory.Pkcs12File} is missing).");
        }

        var source = password ?? (File.Exists(ca.PasswordFile)
            ? PasswordSource.FromFile(ca.PasswordFile)
            : throw new PkiException($"No password for {CaDirectory.Pkcs12File}: {ca.PasswordFile} does not exist, so give the password from a file or an environment variable."));
        var certificate = Pkcs12File.Load(ca.Pkcs12, source.Read());
        if (!File.Exists(ca.Certificate) || !certificate.RawData.AsSpan().SequenceEqual(X509CertificateLoader.LoadCertificateFromFile(ca.Certificate).RawData))
        {
            certificate.Dispose();
            throw new PkiException($"{ca.Certificate} is missing or is not the certificate of {CaDirectory.Pkcs12File}.");
        }

        return new CertificateAuthority(ca, certificate, time ?? TimeProvider.System);
    }

    /// <summary>What the authority has issued; needs no password.</summary>
    public static CertificateIndex ReadIndex(string directory) => CertificateIndex.Load(new CaDirectory(directory).Index);

    public IssuedCredentials Issue(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var identity = new PeerIdentity(PeerIds.Validate(request.Id), request.Role);
        var password = NewPassword.Resolve(request.Password);
        var output = Path.GetFullPath(request.OutputDirectory);
        using var _ = CaLock.Take(Directory);
        var index = CertificateIndex.Load(Directory.Index);
        var now = _time.GetUtcNow();
        var stillValid = index.For(identity.Id).Where(e => e.IsValidAt(now)).ToList();
        if (stillValid.Count > 0 && !request.Force)
        {
            var current = stillValid[^1];
            throw new PkiException(
                $"'{identity.Id}' already has a valid certificate (serial {current.Serial}, until {current.NotAfter:u}): revoke it first, or force a second one (--force).");
        }

        using var certificate = CertificateIssuer.Issue(_certificate, index.Consortium, identity, request.DnsNames, request.IpAddresses, request.Window(now));
        var entry = new IndexEntry(
            identity.Id, identity.Role.ToText(), certificate.SerialNumber, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), RevokedAt: null);
        index.With(entry).Save(Directory.Index, overwrite: true);

        System.IO.Directory.CreateDirectory(output);
        var pkcs12 = Path.Combine(output, identity.Id + ".p12");
        var passwordFile = NewPassword.WriteIfGenerated(password, pkcs12, overwrite: true);
        Pkcs12File.Write(pkcs12, [certificate, Certificate], password, overwrite: true, request.KeyProtection);
        var pem = Path.Combine(output, identity.Id + ".crt.pem");
        AtomicFile.WritePublic(pem, certificate.ExportCertificatePem() + "\n", overwrite: true);
        var caCopy = Path.Combine(output, CaDirectory.CertificateFile);
        if (caCopy != Directory.Certificate)
        {
            AtomicFile.WritePublic(caCopy, Certificate.ExportCertificatePem() + "\n", overwrite: true);
        }

        return new IssuedCredentials(entry, pem, pkcs12, caCopy, passwordFile, stillValid);
    }

    /// <summary>
    /// Revokes the certificates of <paramref name="id"/> (or only the one with <paramref name="serial"/>)
    /// and publishes a new CRL, even when they were already revoked, so a rerun repairs a CRL lost in a crash.
    /// </summary>
    public RevocationResult Revoke(string id, string? serial = null, TimeSpan? crlValidity = null)
    {
        PeerIds.Validate(id);
        using var _ = CaLock.Take(Directory);
        var index = CertificateIndex.Load(Directory.Index);
        var now = _time.GetUtcNow();
        var issued = index.For(id).ToList();
        if (issued.Count == 0)
        {
            throw new PkiException($"No certificate was issued to '{id}'.");
        }

        if (serial is not null)
        {
            var wanted = NormaliseSerial(serial);
            issued = issued.Where(e => e.Serial == wanted).ToList();
            if (issued.Count == 0)
            {
                throw new PkiException($"'{id}' has no certificate with serial {serial}.");
            }
        }

        var revoking = issued.Where(e => !e.IsRevoked).ToList();
        var result = Publish(index.Revoking(revoking, now), now, crlValidity);
        return result with { NewlyRevoked = revoking.Select(e => e with { RevokedAt = now }).ToList() };
    }

    /// <summary>Publishes a fresh CRL with the same revocations, before the current one's next update passes.</summary>
    public RevocationResult PublishCrl(TimeSpan? crlValidity = null)
    {
        using var _ = CaLock.Take(Directory);
        return Publish(CertificateIndex.Load(Directory.Index), _time.GetUtcNow(), crlValidity);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Certificate.Dispose();
    }

    private RevocationResult Publish(CertificateIndex index, DateTimeOffset now, TimeSpan? crlValidity)
    {
        var validity = crlValidity ?? CrlPublisher.DefaultValidity;
        var next = index.NextCrl();
        var pem = CrlPublisher.Build(_certificate, next.Certificates.Where(e => e.IsRevoked), next.CrlNumber, now, validity);
        next.Save(Directory.Index, overwrite: true);
        AtomicFile.WritePublic(Directory.Crl, pem, overwrite: true);
        return new RevocationResult([], next.CrlNumber, now + validity, Directory.Crl);
    }

    private static string NormaliseSerial(string serial)
    {
        try
        {
            return SerialNumbers.Normalise(serial.Replace(":", string.Empty, StringComparison.Ordinal));
        }
        catch (FormatException ex)
        {
            throw new PkiException($"'{serial}' is not a hexadecimal serial number.", ex);
        }
    }
}
