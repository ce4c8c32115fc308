using Akka.Actor;
using Akka.Serialization;

namespace FedHealth.Hosting.Serialization;

/// <summary>The one Akka serializer for every <see cref="FedHealth.Core.Protocol.IProtocolMessage"/>.</summary>
public sealed class ProtocolSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Fixed for ever: peers pick the deserializer by this number.</summary>
    public const int SerializerId = 7311;

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => WireFormat.ManifestOf(o.GetType());

    public override byte[] ToBinary(object obj) => WireFormat.Serialize(obj);

    public override object FromBinary(byte[] bytes, string manifest) => WireFormat.Deserialize(bytes, manifest);
}
