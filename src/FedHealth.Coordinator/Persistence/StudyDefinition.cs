using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Composition;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// Every setting of a study that shapes its rounds, as sorted key/value text, with its hash. A
/// configuration that changes any of them under an existing study id is refused, naming them.
/// </summary>
public sealed record StudyDefinition(IReadOnlyDictionary<string, string> Settings, string Hash)
{
    // The site list may grow while a study runs (a site added); the id names the study itself.
    private static readonly HashSet<string> Excluded = [nameof(StudyRequest.Sites), nameof(StudyRequest.Id)];

    /// <summary>A study built without a request (actor specs): never compared.</summary>
    public static StudyDefinition Unspecified { get; } = new(new Dictionary<string, string>(), string.Empty);

    public static StudyDefinition Of(StudyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = JsonSerializer.SerializeToNode(request, StudyStateSerializer.Options)!.AsObject();
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            if (!Excluded.Contains(key))
            {
                settings[key] = value?.ToJsonString() ?? "null";
            }
        }

        return new StudyDefinition(settings, HashOf(settings));
    }

    /// <summary>The settings that differ, as "key: stored → now"; empty when the same study.</summary>
    public IReadOnlyList<string> Differences(StudyDefinition now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (Hash.Length == 0 || now.Hash.Length == 0)
        {
            return [];
        }

        return Settings.Keys.Union(now.Settings.Keys).Order(StringComparer.Ordinal)
            .Where(key => Settings.GetValueOrDefault(key) != now.Settings.GetValueOrDefault(key))
            .Select(key => $"{key}: {Settings.GetValueOrDefault(key) ?? "(unset)"} → {now.Settings.GetValueOrDefault(key) ?? "(unset)"}")
            .ToList();
    }

    private static string HashOf(SortedDictionary<string, string> settings)
    {
        var text = new JsonObject(settings.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))).ToJsonString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
