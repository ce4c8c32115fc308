using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Passwords;

namespace FedHealth.Pki.Storage;

/// <summary>
/// Password-protected PKCS#12 files: PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, and an
/// HMAC-SHA256 integrity check.
/// </summary>
internal static class Pkcs12File
{
    /// <summary>
    /// The PBKDF2 iteration count (and the MAC's): the most that .NET's default <see cref="Pkcs12LoaderLimits"/>
    /// accept, so any .NET host (Akka.Remote's TLS transport included) can load the file. Generated
    /// passwords carry 256 random bits, for which the count does not matter; it slows guessing of
    /// a human-chosen one.
    /// </summary>
    public const int DefaultIterations = 300_000;

    /// <summary>Lowered only by the unit tests, which write hundreds of files; every shipped command uses <see cref="DefaultIterations"/>.</summary>
    internal static int Iterations { get; set; } = DefaultIterations;

    /// <summary>The count for <see cref="KeyFileProtection.Throwaway"/> files (never above <see cref="Iterations"/>).</summary>
    public const int ThrowawayIterations = 1_000;

    // ERROR_INVALID_PASSWORD, which every platform's PKCS#12 reader reports for a failed MAC check.
    private const int InvalidPassword = unchecked((int)0x80070056);

    /// <summary>Writes <paramref name="certificates"/> (the first with its private key) as an owner-only file.</summary>
    public static void Write(string path, X509Certificate2Collection certificates, ChosenPassword password, bool overwrite, KeyFileProtection protection)
    {
        if (string.IsNullOrEmpty(password.Value))
        {
            throw new PkiException($"Refusing to write {path} without a password.");
        }

        var bytes = Export(certificates, password.Value, IterationsFor(protection, password, path));
        try
        {
            AtomicFile.WriteSecret(path, bytes, overwrite);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The PBKDF2 count for a new file; a throwaway setting is refused for a human-chosen password.</summary>
    public static int IterationsFor(KeyFileProtection protection, ChosenPassword password, string path) => protection switch
    {
        KeyFileProtection.Strong => Iterations,
        KeyFileProtection.Throwaway when password.Generated => Math.Min(ThrowawayIterations, Iterations),
        KeyFileProtection.Throwaway => throw new PkiException(
            $"Refusing to write {path} with throwaway protection: only a generated password may go with fewer PBKDF2 iterations."),
        _ => throw new PkiException($"Unknown key file protection {protection} for {path}."),
    };

    public static byte[] Export(X509Certificate2Collection certificates, string password, int iterations) =>
        certificates.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, iterations), password);

    /// <summary>Loads the certificate that carries the private key, with errors an operator can act on.</summary>
    public static X509Certificate2 Load(string path, string password)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new PkiException($"{path} does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (CryptographicException ex) when (ex.HResult == InvalidPassword)
        {
            throw new PkiException($"The password for {name} is wrong.", ex);
        }
        catch (CryptographicException ex)
        {
            throw new PkiException($"{path} cannot be read as a PKCS#12 file ({ex.Message}).", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new PkiException($"{name} holds no private key.");
        }

        return certificate;
    }
}
