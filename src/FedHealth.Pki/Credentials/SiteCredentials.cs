using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Credentials;

/// <summary>
/// A site's or the coordinator's own TLS identity: the certificate and private key from its
/// PKCS#12 file, checked so a misconfiguration fails at start-up with a clear reason rather than
/// as a handshake error on the other side.
/// </summary>
public static class SiteCredentials
{
    public static X509Certificate2 Load(string pkcs12Path, PasswordSource password, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pkcs12Path);
        ArgumentNullException.ThrowIfNull(password);
        var path = Path.GetFullPath(pkcs12Path);
        if (!File.Exists(path))
        {
            throw new PkiException($"The credentials file {path} does not exist.");
        }

        var certificate = Pkcs12File.Load(path, password.Read());
        var at = now ?? DateTimeOffset.UtcNow;
        var (notBefore, notAfter) = (certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
        if (at > notAfter || at < notBefore)
        {
            certificate.Dispose();
            throw new PkiException(at > notAfter
                ? $"The certificate in {Path.GetFileName(path)} expired on {notAfter:u}: ask the consortium CA for a new one."
                : $"The certificate in {Path.GetFileName(path)} is not valid before {notBefore:u}.");
        }

        return certificate;
    }
}
