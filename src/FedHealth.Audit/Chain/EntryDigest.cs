using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FedHealth.Audit.Entries;

namespace FedHealth.Audit.Chain;

/// <summary>
/// The bytes an entry's hash covers: a domain label, then every field but the hash and the
/// signature, each length-prefixed (so no two entries share bytes), the data sorted by key
/// (ordinal). A reader recomputes it from the exported fields alone: no JSON canonicalisation.
/// </summary>
public static class EntryDigest
{
    /// <summary>The previous hash of a trail's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("FedHealth audit entry v1\0");

    public static string Of(
        long sequence, string at, string service, string kind, string? study, int? round, ImmutableSortedDictionary<string, string> data, string previous)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var buffer = new MemoryStream();
        buffer.Write(Label);
        Field(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, at);
        Field(buffer, service);
        Field(buffer, kind);
        Field(buffer, study ?? string.Empty);
        Field(buffer, round?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        Field(buffer, previous);
        Field(buffer, data.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in data.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Field(buffer, key);
            Field(buffer, value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The hash an entry should carry, from its fields.</summary>
    public static string Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Of(entry.Sequence, entry.At, entry.Service, entry.Kind, entry.Study, entry.Round, entry.Data, entry.Previous);
    }

    private static void Field(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
