using FedHealth.Core.Ids;
using MessagePack;
using MessagePack.Formatters;

namespace FedHealth.Hosting.Serialization;

/// <summary>Ids travel as plain strings.</summary>
internal sealed class SiteIdFormatter : IMessagePackFormatter<SiteId>
{
    public void Serialize(ref MessagePackWriter writer, SiteId value, MessagePackSerializerOptions options) =>
        writer.Write(value.Value);

    public SiteId Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        new(reader.ReadString() ?? throw new MessagePackSerializationException("A site id is missing."));
}

/// <summary>Ids travel as plain strings.</summary>
internal sealed class StudyIdFormatter : IMessagePackFormatter<StudyId>
{
    public void Serialize(ref MessagePackWriter writer, StudyId value, MessagePackSerializerOptions options) =>
        writer.Write(value.Value);

    public StudyId Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        new(reader.ReadString() ?? throw new MessagePackSerializationException("A study id is missing."));
}
