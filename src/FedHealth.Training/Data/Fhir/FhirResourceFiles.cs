using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// The resources of a FHIR R4 source: a JSON file (a Bundle or one resource), an NDJSON bulk-export
/// file (one resource a line), or a directory of them (read in name order). Parsing is the Firely
/// SDK's, in strict mode, so a resource or element that R4 does not define is refused.
/// </summary>
public static class FhirResourceFiles
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly JsonSerializerOptions PrettyOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    /// <exception cref="DataValidationException">Missing path, malformed JSON, or not FHIR R4, naming the file and line.</exception>
    public static IReadOnlyList<SourcedResource> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count > 0
                ? files.SelectMany(ReadFile).ToList()
                : throw new DataValidationException("The directory has no .json or .ndjson files.", path);
        }

        return File.Exists(path) ? ReadFile(path) : throw new DataValidationException("No such FHIR file or directory.", path);
    }

    /// <summary>A resource as FHIR JSON (one line when not <paramref name="pretty"/>, as NDJSON needs).</summary>
    public static string Serialize(Resource resource, bool pretty = false) =>
        JsonSerializer.Serialize(resource, pretty ? PrettyOptions : Options);

    /// <summary>Parses one resource's JSON text.</summary>
    /// <exception cref="DataValidationException">Malformed JSON or not FHIR R4.</exception>
    public static Resource Parse(string json, string file, int? line = null)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new DataValidationException($"Malformed JSON: {ex.Message}", file, line: line);
        }

        if (node is not JsonObject root || root["resourceType"] is not JsonValue)
        {
            throw new DataValidationException("Not a FHIR resource: a JSON object with a resourceType is expected.", file, line: line);
        }

        CheckVersion(root, file, line);
        try
        {
            return root.Deserialize<Resource>(Options)
                ?? throw new DataValidationException("Not a FHIR resource.", file, line: line);
        }
        catch (DeserializationFailedException ex)
        {
            throw new DataValidationException($"Not valid FHIR R4 (is it another FHIR version, e.g. STU3?): {Issues(ex)}", file, line: line);
        }
        catch (JsonException ex)
        {
            throw new DataValidationException($"Not valid FHIR R4: {ex.Message}", file, line: line);
        }
    }

    /// <summary>The first three issues of a parse failure, with any value the SDK quotes withheld.</summary>
    internal static string Issues(DeserializationFailedException failure)
    {
        var issues = failure.Exceptions.Select(e => WithoutValues(e.Message)).ToList();
        return string.Join("; ", issues.Take(3)) + (issues.Count > 3 ? $"; and {issues.Count - 3} more" : string.Empty);
    }

    // The SDK quotes the offending value ("string '19x0-01-01' is not a correct literal"); a patient's
    // value never goes into a message, so it is withheld. Element paths and resource types stay.
    private static string WithoutValues(string message) =>
        Regex.Replace(message, @"\b(string|value|literal) '[^']*'", "$1 (withheld)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Exports sometimes stamp the version on the root (not an R4 element, so it is removed after the check).
    private static void CheckVersion(JsonObject root, string file, int? line)
    {
        if (!root.TryGetPropertyValue("fhirVersion", out var version))
        {
            return;
        }

        var text = version is JsonValue v && v.TryGetValue<string>(out var s) ? s : version?.ToJsonString();
        if (text is null || !text.StartsWith("4.", StringComparison.Ordinal))
        {
            throw new DataValidationException($"fhirVersion is '{text}', but only FHIR R4 (4.x) is read.", file, line: line);
        }

        root.Remove("fhirVersion");
    }

    private static List<SourcedResource> ReadFile(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (IOException ex)
        {
            throw new DataValidationException($"Cannot read the file: {ex.Message}", file);
        }

        if (file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return lines
                .Select((text, i) => (text, line: i + 1))
                .Where(l => !string.IsNullOrWhiteSpace(l.text))
                .Select(l => new SourcedResource(file, Parse(l.text, file, l.line)))
                .ToList();
        }

        var resource = Parse(string.Join('\n', lines), file);
        return resource is Bundle bundle
            ? bundle.Entry.Select(e => e.Resource).OfType<Resource>().Select(r => new SourcedResource(file, r)).ToList()
            : [new SourcedResource(file, resource)];
    }
}
