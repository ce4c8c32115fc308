using System.Collections.Frozen;
using FedHealth.Core.Protocol;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization.Validation;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace FedHealth.Hosting.Serialization;

/// <summary>
/// The protocol's wire format: MessagePack with the explicit keys declared on each message, the
/// formatters above for weights and ids, and untrusted-data limits (messages come from the network).
/// Manifests are the message types' short names; an approval test pins the list. Every message read
/// is validated against its contract (<see cref="MessageContracts"/>) before anyone sees it.
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

    /// <exception cref="ProtocolViolationException">No protocol message has this manifest (a <see cref="System.Runtime.Serialization.SerializationException"/>, as Akka expects).</exception>
    public static Type TypeOf(string manifest) =>
        TypesByManifest.TryGetValue(manifest ?? string.Empty, out var type)
            ? type
            : throw new ProtocolViolationException(Printable(manifest), RefusalReason.UnknownManifest, "no protocol message has this manifest");

    public static byte[] Serialize(object message) =>
        MessagePackSerializer.Serialize(message.GetType(), message, Options);

    /// <summary>Reads a message and holds it to its contract.</summary>
    /// <exception cref="ProtocolViolationException">The manifest is unknown, the bytes are malformed or the message breaks its contract.</exception>
    public static object Deserialize(ReadOnlyMemory<byte> bytes, string manifest)
    {
        var type = TypeOf(manifest);
        var message = Read(manifest, () => MessagePackSerializer.Deserialize(type, bytes, Options));
        MessageContracts.Validate(manifest, message);
        return message;
    }

    /// <summary>Reads model weights on their own (a model fetched from the transfer channel), bounded and finite as in a message.</summary>
    /// <exception cref="ProtocolViolationException">The bytes are malformed, the layout is implausible or a value is not finite.</exception>
    public static ModelWeights DeserializeWeights(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var weights = (ModelWeights)Read(nameof(ModelWeights), () => MessagePackSerializer.Deserialize<ModelWeights>(bytes, Options, cancellationToken));
        MessageContracts.ValidateWeights(weights);
        return weights;
    }

    private static object Read(string manifest, Func<object?> read)
    {
        object? message;
        try
        {
            message = read();
        }
        catch (ProtocolViolationException part)
        {
            throw new ProtocolViolationException(manifest, part.Reason, part.Problem, part);
        }
        catch (MessagePackSerializationException ex)
        {
            throw ex.InnerException is ProtocolViolationException part
                ? new ProtocolViolationException(manifest, part.Reason, part.Problem, ex)
                : new ProtocolViolationException(manifest, RefusalReason.Malformed, Innermost(ex), ex);
        }

        return message ?? throw new ProtocolViolationException(manifest, RefusalReason.MissingMember, "the message is nil");
    }

    // MessagePack's own messages name codes and positions, ours name members: neither echoes a value.
    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        var text = ex.Message.TrimEnd('.');
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static string Printable(string? manifest) =>
        manifest is { Length: > 0 and <= 64 } && manifest.All(char.IsAsciiLetterOrDigit) ? manifest : "(unreadable manifest)";
}
