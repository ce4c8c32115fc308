using System.Text.Json;

namespace FedHealth.WebConsole.Http;

/// <summary>The JSON of the console's API: snake_case names, like report.json.</summary>
internal static class ConsoleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
