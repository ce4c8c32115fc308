using Akka.Actor;
using Akka.Event;
using Akka.Serialization;
using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Hosting.Serialization;

/// <summary>
/// The one Akka serializer for every <see cref="FedHealth.Core.Protocol.IProtocolMessage"/>. Every
/// message it reads is validated (<see cref="WireFormat.Deserialize"/>); a refused one throws a
/// <see cref="ProtocolViolationException"/>, is counted in <see cref="Refusals"/> and is logged
/// once per reason, without a stack trace.
/// </summary>
public sealed class ProtocolSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Fixed for ever: peers pick the deserializer by this number.</summary>
    public const int SerializerId = 7311;

    // Created on first use: the serializer is built while the actor system itself is still being built.
    private readonly Lazy<ILoggingAdapter> _log = new(() => global::Akka.Event.Logging.GetLogger(system, typeof(ProtocolSerializer)));

    public override int Identifier => SerializerId;

    /// <summary>The messages refused so far, by reason.</summary>
    public ProtocolRefusals Refusals { get; } = new();

    public override string Manifest(object o) => WireFormat.ManifestOf(o.GetType());

    public override byte[] ToBinary(object obj) => WireFormat.Serialize(obj);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            return bytes.Length > WireLimits.MaxFrameBytes
                ? throw new ProtocolViolationException(WireFormat.TypeOf(manifest).Name, RefusalReason.TooLarge, $"{bytes.Length} bytes exceed the {WireLimits.MaxFrameBytes}-byte frame")
                : WireFormat.Deserialize(bytes, manifest);
        }
        catch (ProtocolViolationException refused)
        {
            if (Refusals.Record(refused.Reason))
            {
                _log.Value.Warning("{0} Further refusals for the reason {1} are counted, not logged.", refused.Message, refused.Reason);
            }

            throw;
        }
    }
}
