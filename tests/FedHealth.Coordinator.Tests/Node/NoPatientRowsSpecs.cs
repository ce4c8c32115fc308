using System.Reflection;
using FedHealth.Core.Data;
using FedHealth.Hosting.Serialization;

namespace FedHealth.Coordinator.Tests.Node;

/// <summary>
/// A node sends only protocol messages (the wire format refuses anything else), so if no protocol
/// message can hold a row, no row can leave a hospital. This walks every field type of every message.
/// </summary>
public sealed class NoPatientRowsSpecs
{
    public static TheoryData<string> AllManifests => new(WireFormat.Manifests);

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void No_protocol_message_can_hold_a_patient_row(string manifest)
    {
        var type = WireFormat.TypeOf(manifest);

        var path = RowPath(type, [], type.Name);

        Assert.True(path is null, $"{manifest} can carry patient rows through {path}");
    }

    private static string? RowPath(Type type, HashSet<Type> seen, string path)
    {
        if (type == typeof(TabularData) || type == typeof(SiteData) || typeof(IPooledPreprocessing).IsAssignableFrom(type))
        {
            return path;
        }

        if (type.IsPrimitive || type == typeof(string) || type.IsEnum || !seen.Add(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return RowPath(type.GetElementType()!, seen, path + "[]");
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            if (RowPath(argument, seen, $"{path}<{argument.Name}>") is { } found)
            {
                return found;
            }
        }

        if (type.Namespace?.StartsWith("FedHealth", StringComparison.Ordinal) != true)
        {
            return null;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (RowPath(property.PropertyType, seen, $"{path}.{property.Name}") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
