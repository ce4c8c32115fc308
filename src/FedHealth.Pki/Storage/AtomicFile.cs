using System.Security.Cryptography;
using System.Text;

namespace FedHealth.Pki.Storage;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: a temporary
/// file beside it, flushed to disk, then renamed over it. Secrets are created with mode 0600 before
/// any byte is written, so there is no moment when another user could read them.
/// </summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteSecret(string path, string content, bool overwrite) =>
        Write(path, Encoding.UTF8.GetBytes(content), secret: true, overwrite);

    public static void WriteSecret(string path, ReadOnlySpan<byte> content, bool overwrite) =>
        Write(path, content, secret: true, overwrite);

    public static void WritePublic(string path, string content, bool overwrite) =>
        Write(path, Encoding.UTF8.GetBytes(content), secret: false, overwrite);

    private static void Write(string path, ReadOnlySpan<byte> content, bool secret, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        if (!overwrite && File.Exists(full))
        {
            throw new PkiException($"{full} already exists; it is never overwritten.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, Options(secret)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(full))
        {
            throw new PkiException($"{full} already exists; it is never overwritten.");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStreamOptions Options(bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
