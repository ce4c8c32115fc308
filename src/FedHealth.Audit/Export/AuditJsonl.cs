using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FedHealth.Audit.Entries;

namespace FedHealth.Audit.Export;

/// <summary>
/// The export format: one JSON object per line, one line per entry in sequence order, every field
/// of the entry (its hash and signature included). Self-contained: the <c>service.started</c>
/// entries carry the public keys and certificates the verification needs.
/// </summary>
public static class AuditJsonl
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(IEnumerable<AuditEntry> entries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var entry in entries)
        {
            writer.Write(JsonSerializer.Serialize(
                new Line(entry.Sequence, entry.At, entry.Service, entry.Kind, entry.Study, entry.Round, entry.Data, entry.Previous, entry.Hash, entry.Signature),
                Options));
            writer.Write('\n');
        }
    }

    /// <summary>The entries of an export, in file order; a line that is not an entry is an error naming its line number.</summary>
    public static IReadOnlyList<AuditEntry> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<AuditEntry>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            Line? line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text, Options);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"line {number} is not an audit entry: {ex.Message}", ex);
            }

            if (line is null || line.At is null || line.Service is null || line.Kind is null || line.Data is null
                || line.Previous is null || line.Hash is null || line.Signature is null)
            {
                throw new InvalidDataException($"line {number} is not an audit entry: a field is missing (sequence, at, service, kind, data, previous, hash, signature).");
            }

            entries.Add(new AuditEntry(
                line.Sequence, line.At, line.Service, line.Kind, line.Study, line.Round, line.Data.ToImmutableSortedDictionary(StringComparer.Ordinal),
                line.Previous, line.Hash, line.Signature));
        }

        return entries;
    }

    public static IReadOnlyList<AuditEntry> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    private sealed record Line(
        long Sequence, string? At, string? Service, string? Kind, string? Study, int? Round, IReadOnlyDictionary<string, string>? Data,
        string? Previous, string? Hash, string? Signature);
}
