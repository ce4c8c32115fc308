using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// The journal's format: each study event as UTF-8 JSON under a stable, versioned manifest, so that
/// the state is readable with any SQL client and a later schema can be told apart. Separate from the
/// wire format on purpose: the journal must stay readable across protocol changes.
/// </summary>
public sealed class StudyStateSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7312;

    private static readonly Dictionary<string, Type> Manifests = new(StringComparer.Ordinal)
    {
        ["study-defined.v1"] = typeof(StudyDefined),
        ["round-charged.v1"] = typeof(RoundCharged),
        ["round-committed.v1"] = typeof(RoundCommitted),
        ["study-ended.v1"] = typeof(StudyEnded),
        ["study-snapshot.v1"] = typeof(StudySnapshot),
    };

    private static readonly Dictionary<Type, string> ByType = Manifests.ToDictionary(kv => kv.Value, kv => kv.Key);

    /// <summary>NaN losses and metrics are kept as such (an aborted round has no loss).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        ByType.TryGetValue(o.GetType(), out var manifest) ? manifest : throw new ArgumentException($"{o.GetType().Name} is not a study event.", nameof(o));

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!Manifests.TryGetValue(manifest, out var type))
        {
            throw new SerializationException(
                $"The state holds a study event '{manifest}' that this fedhealth does not know (written by a newer version?): upgrade fedhealth; nothing was changed.");
        }

        return JsonSerializer.Deserialize(bytes, type, Options)
            ?? throw new SerializationException($"The state holds an empty '{manifest}' event.");
    }
}
