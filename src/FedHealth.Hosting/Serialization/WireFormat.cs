using System.Collections.Frozen;
using FedHealth.Core.Protocol;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace FedHealth.Hosting.Serialization;

/// <summary>
/// The protocol's wire format: MessagePack with the explicit keys declared on each message, the
/// formatters above for weights and ids, and untrusted-data limits (messages come from the network).
/// Manifests are the message types' short names; an approval test pins the list.
/// </summary>
public static class WireFormat
{
    public static MessagePackSerializerOptions Options { get; } =
        MessagePackSerializerOptions.Standard
            .WithResolver(CompositeResolver.Create(
                [new ModelWeightsFormatter(), new SiteIdFormatter(), new StudyIdFormatter()],
                [StandardResolver.Instance]))
            .WithSecurity(MessagePackSecurity.UntrustedData);

    private static readonly FrozenDictionary<string, Type> TypesByManifest = typeof(IProtocolMessage).Assembly
        .GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProtocolMessage).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> ManifestsByType =
        TypesByManifest.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>Every manifest in use, sorted: part of the wire contract.</summary>
    public static IReadOnlyList<string> Manifests { get; } = TypesByManifest.Keys.Order(StringComparer.Ordinal).ToList();

    public static string ManifestOf(Type type) =>
        ManifestsByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type} is not a protocol message.", nameof(type));

    public static Type TypeOf(string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? type
            : throw new ArgumentException($"Unknown message manifest '{manifest}'.", nameof(manifest));

    public static byte[] Serialize(object message) =>
        MessagePackSerializer.Serialize(message.GetType(), message, Options);

    public static object Deserialize(ReadOnlyMemory<byte> bytes, string manifest) =>
        MessagePackSerializer.Deserialize(TypeOf(manifest), bytes, Options)
        ?? throw new MessagePackSerializationException($"A {manifest} message was empty.");
}
