using System.Globalization;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>Typed views of what YamlDotNet deserialises into <c>object</c>: maps, sequences and scalars.</summary>
internal static class YamlNodes
{
    public static IReadOnlyDictionary<string, object?> Map(object? node, string what) => node switch
    {
        null => new Dictionary<string, object?>(),
        IDictionary<object, object> map => map.ToDictionary(e => Text(e.Key, what), e => (object?)e.Value),
        _ => throw new InvalidOperationException($"{what} is not a mapping"),
    };

    public static IReadOnlyList<object?> List(object? node, string what) => node switch
    {
        null => [],
        IList<object> list => [.. list],
        _ => throw new InvalidOperationException($"{what} is not a sequence"),
    };

    public static string Text(object? node, string what) =>
        node as string ?? throw new InvalidOperationException($"{what} is not a scalar");

    public static string? OptionalText(IReadOnlyDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is not null ? Text(value, key) : null;

    public static int Integer(object? node, string what) =>
        int.Parse(Text(node, what), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A list of names, or a mapping whose keys are the names (compose allows both for networks and depends_on).</summary>
    public static IReadOnlyList<string> Names(object? node, string what) => node switch
    {
        null => [],
        IDictionary<object, object> => [.. Map(node, what).Keys],
        _ => [.. List(node, what).Select(n => Text(n, what))],
    };
}
