using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FedHealth.Core.Weights;
using MessagePack;
using MessagePack.Formatters;

namespace FedHealth.Hosting.Serialization;

/// <summary>
/// Wire form of <see cref="ModelWeights"/>: <c>[[[name, [dims…]]…], bin]</c> where bin holds every
/// value as little-endian float32 back to back — one copy, not one MessagePack element per value.
/// </summary>
internal sealed class ModelWeightsFormatter : IMessagePackFormatter<ModelWeights?>
{
    public void Serialize(ref MessagePackWriter writer, ModelWeights? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        writer.WriteArrayHeader(value.Specs.Length);
        foreach (var spec in value.Specs)
        {
            writer.WriteArrayHeader(2);
            writer.Write(spec.Name);
            writer.WriteArrayHeader(spec.Shape.Length);
            foreach (var dim in spec.Shape)
            {
                writer.Write(dim);
            }
        }

        writer.Write(LittleEndianFloats.ToBytes(value.Flat));
    }

    public ModelWeights? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            Expect(reader.ReadArrayHeader() == 2, "a weights record must have 2 parts");
            var count = reader.ReadArrayHeader();
            var specs = new List<TensorSpec>(count);
            for (var i = 0; i < count; i++)
            {
                Expect(reader.ReadArrayHeader() == 2, "a tensor spec must have 2 parts");
                var name = reader.ReadString() ?? throw new MessagePackSerializationException("A tensor has no name.");
                var dims = reader.ReadArrayHeader();
                var shape = ImmutableArray.CreateBuilder<int>(dims);
                for (var d = 0; d < dims; d++)
                {
                    var dim = reader.ReadInt32();
                    Expect(dim >= 0, $"tensor '{name}' has a negative dimension");
                    shape.Add(dim);
                }

                specs.Add(new TensorSpec(name, shape.MoveToImmutable()));
            }

            var bytes = reader.ReadBytes() ?? throw new MessagePackSerializationException("The weights have no values.");
            Expect(bytes.Length % sizeof(float) == 0, "the value block is not a whole number of float32s");
            var values = LittleEndianFloats.FromBytes(bytes);
            try
            {
                return new ModelWeights(specs, values);
            }
            catch (ArgumentException ex)
            {
                throw new MessagePackSerializationException("Malformed weights: " + ex.Message, ex);
            }
        }
        finally
        {
            reader.Depth--;
        }
    }

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new MessagePackSerializationException("Malformed weights: " + problem + ".");
        }
    }
}
