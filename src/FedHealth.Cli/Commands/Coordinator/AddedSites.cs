using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// Sites enrolled in a running study after it started (<c>fedhealth study add-site</c>): one file in
/// the coordinator's state directory, signed with the coordinator certificate's key, so that only
/// whoever holds that key (the coordinator's operator) can widen the study. The coordinator re-reads
/// it when it changes, like the CRL, and ignores (and logs) a file whose signature does not verify.
/// </summary>
internal static class AddedSites
{
    public const string FileName = "added-sites.json";

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("FedHealth added sites v1\0");

    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, FileName);

    /// <summary>The ids in the file when its signature is the certificate's; otherwise why not.</summary>
    public static (IReadOnlyList<string> Sites, string? Refusal) Read(string path, X509Certificate2 certificate)
    {
        if (!File.Exists(path))
        {
            return ([], null);
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return ([], $"{path} cannot be read: {ex.Message}");
        }

        if (document?.Sites is not { } sites || document.Signature is not { } hex)
        {
            return ([], $"{path} has no sites or no signature");
        }

        using var key = certificate.GetECDsaPublicKey();
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return ([], $"{path}: the signature is not hexadecimal");
        }

        return key is not null && key.VerifyData(Payload(sites), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? (sites, null)
            : ([], $"{path} is not signed by this coordinator's certificate ({certificate.Subject})");
    }

    /// <summary>Adds a site and signs the list again with the certificate's private key (atomically replaced).</summary>
    public static IReadOnlyList<string> Add(string path, string site, X509Certificate2 certificate)
    {
        var (current, refusal) = Read(path, certificate);
        if (refusal is not null)
        {
            throw new UserInputException($"the added sites cannot be extended: {refusal}");
        }

        var sites = current.Append(site).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var key = certificate.GetECDsaPrivateKey() ?? throw new UserInputException("Coordinator:Tls:Certificate holds no ECDSA private key to sign the change with.");
        var signature = key.SignData(Payload(sites), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Document(sites, Convert.ToHexStringLower(signature))));
        File.Move(temporary, path, overwrite: true);
        return sites;
    }

    private static byte[] Payload(IEnumerable<string> sites) => [.. Label, .. Encoding.UTF8.GetBytes(string.Join("\n", sites.Order(StringComparer.Ordinal)))];

    private sealed record Document(IReadOnlyList<string>? Sites, string? Signature);
}
