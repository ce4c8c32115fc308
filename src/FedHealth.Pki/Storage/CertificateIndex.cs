using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedHealth.Pki.Storage;

/// <summary>
/// The authority's record (<c>index.json</c>): the consortium's name, the number of the last CRL,
/// and every certificate issued with its revocation time. Immutable; changes return a new index.
/// </summary>
public sealed record CertificateIndex(
    [property: JsonPropertyName("consortium")] string Consortium,
    [property: JsonPropertyName("crlNumber")] long CrlNumber,
    [property: JsonPropertyName("certificates")] ImmutableArray<IndexEntry> Certificates)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    internal static CertificateIndex Empty(string consortium) => new(consortium, 0, []);

    public IEnumerable<IndexEntry> For(string id) => Certificates.Where(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    internal CertificateIndex With(IndexEntry entry) => this with { Certificates = Certificates.Add(entry) };

    internal CertificateIndex Revoking(IEnumerable<IndexEntry> entries, DateTimeOffset at)
    {
        var serials = entries.Select(e => e.Serial).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Certificates = Certificates.Select(e => serials.Contains(e.Serial) && !e.IsRevoked ? e with { RevokedAt = at } : e).ToImmutableArray(),
        };
    }

    internal CertificateIndex NextCrl() => this with { CrlNumber = CrlNumber + 1 };

    public static CertificateIndex Load(string path)
    {
        try
        {
            var index = JsonSerializer.Deserialize<CertificateIndex>(File.ReadAllText(path), Json);
            if (index is null || string.IsNullOrWhiteSpace(index.Consortium) || index.Certificates.IsDefault)
            {
                throw new PkiException($"The index {path} is incomplete.");
            }

            return index;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PkiException($"{path} does not exist: is this the folder of a consortium CA?", ex);
        }
        catch (JsonException ex)
        {
            throw new PkiException($"The index {path} is damaged: {ex.Message}", ex);
        }
    }

    internal void Save(string path, bool overwrite) =>
        AtomicFile.WritePublic(path, JsonSerializer.Serialize(this, Json) + "\n", overwrite);
}
