using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedHealth.Models.Manifests;

/// <summary>The manifest's JSON form: snake_case names, indented, nulls written (a reader sees every field).</summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(ModelManifest manifest) => JsonSerializer.Serialize(manifest, Options);

    /// <exception cref="ModelStoreException">The text is not a manifest this version can read.</exception>
    public static ModelManifest Deserialize(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        int version;
        try
        {
            using var document = JsonDocument.Parse(json);
            version = document.RootElement.TryGetProperty("schema_version", out var v) && v.TryGetInt32(out var n)
                ? n
                : throw new ModelStoreException($"{source}: not a model manifest (no schema_version).");
        }
        catch (JsonException e)
        {
            throw new ModelStoreException($"{source}: not valid JSON ({e.Message}).", e);
        }

        if (version > ModelManifest.CurrentSchemaVersion)
        {
            throw new ModelStoreException(
                $"{source}: the manifest has schema version {version}, newer than this fedhealth reads ({ModelManifest.CurrentSchemaVersion}); upgrade fedhealth to use it.");
        }

        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(json, Options)
                ?? throw new ModelStoreException($"{source}: the manifest is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelStoreException($"{source}: the manifest cannot be read ({e.Message}).", e);
        }
    }
}
