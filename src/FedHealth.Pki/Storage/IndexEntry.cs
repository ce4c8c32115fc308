using System.Text.Json.Serialization;

namespace FedHealth.Pki.Storage;

/// <summary>One certificate the authority issued. <see cref="Serial"/> is upper-case hex, big-endian.</summary>
public sealed record IndexEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("serial")] string Serial,
    [property: JsonPropertyName("notBefore")] DateTimeOffset NotBefore,
    [property: JsonPropertyName("notAfter")] DateTimeOffset NotAfter,
    [property: JsonPropertyName("revokedAt")] DateTimeOffset? RevokedAt)
{
    [JsonIgnore]
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Usable at <paramref name="now"/>: inside its validity window and not revoked.</summary>
    public bool IsValidAt(DateTimeOffset now) => !IsRevoked && NotBefore <= now && now <= NotAfter;

    public string StatusAt(DateTimeOffset now) =>
        IsRevoked ? "revoked" : now > NotAfter ? "expired" : now < NotBefore ? "not yet valid" : "valid";
}
