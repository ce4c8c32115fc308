using System.Buffers.Text;
using System.Security.Cryptography;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Passwords;

/// <summary>
/// The password that protects a new PKCS#12 file: the operator's, or a generated one written
/// beside the file as <c>&lt;file&gt;.pass</c>, readable by its owner only.
/// </summary>
public static class NewPassword
{
    /// <summary>A chosen password shorter than this is refused; generated ones have 43 characters.</summary>
    public const int MinimumLength = 12;

    public const int GeneratedBytes = 32;

    public const string FileSuffix = ".pass";

    /// <summary>Reads and checks a chosen password, or, without a source, generates one (not yet written).</summary>
    public static ChosenPassword Resolve(PasswordSource? source)
    {
        if (source is null)
        {
            return new ChosenPassword(Generate(), Generated: true);
        }

        var password = source.Read();
        if (password.Length < MinimumLength)
        {
            throw new PkiException($"The password in {source.Description} is too short: a PKCS#12 password needs at least {MinimumLength} characters.");
        }

        return new ChosenPassword(password, Generated: false);
    }

    /// <summary>256 random bits, base64url without padding.</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(GeneratedBytes));

    public static string FileFor(string pkcs12Path) => pkcs12Path + FileSuffix;

    /// <summary>Writes a generated password beside its PKCS#12 file (mode 0600 from creation); returns the path, or null for a chosen password.</summary>
    internal static string? WriteIfGenerated(ChosenPassword password, string pkcs12Path, bool overwrite)
    {
        if (!password.Generated)
        {
            return null;
        }

        var path = FileFor(pkcs12Path);
        AtomicFile.WriteSecret(path, password.Value + "\n", overwrite);
        return path;
    }

}
