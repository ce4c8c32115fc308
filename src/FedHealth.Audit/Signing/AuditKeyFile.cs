using System.Security.Cryptography;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Audit.Signing;

/// <summary>
/// The service's Ed25519 audit signing key, kept in its state directory beside the trail
/// (owner-only file; never in git, never logged). Created on first use from the OS CSPRNG, then
/// reused, so one trail is signed with one key across restarts.
/// </summary>
public static class AuditKeyFile
{
    public const string FileName = "audit-signing.key";

    public static Ed25519SigningKey LoadOrCreate(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                return Ed25519SigningKey.FromPrivateKey(bytes);
            }
            catch (CryptographicException ex)
            {
                throw new InvalidDataException($"The audit signing key {path} is not a 32-byte Ed25519 key: {ex.Message}", ex);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }

        var secret = RandomNumberGenerator.GetBytes(Ed25519SigningKey.PrivateKeySize);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, options))
            {
                file.Write(secret);
                file.Flush(flushToDisk: true);
            }

            return Ed25519SigningKey.FromPrivateKey(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
