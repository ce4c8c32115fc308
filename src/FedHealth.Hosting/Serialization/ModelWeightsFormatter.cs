using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization.Validation;
using MessagePack;
using MessagePack.Formatters;

namespace FedHealth.Hosting.Serialization;

/// <summary>
/// Wire form of <see cref="ModelWeights"/>: <c>[[[name, [dims…]]…], bin]</c> where bin holds every
/// value as little-endian float32 back to back — one copy, not one MessagePack element per value.
/// The layout is bounded while it is read (tensors, rank, name length), so reading costs memory in
/// proportion to the payload, and shapes that do not match the block are refused before the copy.
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
            Bounded(count <= WireLimits.MaxTensors, $"more than {WireLimits.MaxTensors} tensors");
            var specs = new List<TensorSpec>(count);
            for (var i = 0; i < count; i++)
            {
                Expect(reader.ReadArrayHeader() == 2, "a tensor spec must have 2 parts");
                var name = reader.ReadString() ?? throw new MessagePackSerializationException("A tensor has no name.");
                Bounded(name.Length <= WireLimits.MaxTensorNameLength, $"a tensor name is longer than {WireLimits.MaxTensorNameLength} characters");
                var dims = reader.ReadArrayHeader();
                Bounded(dims <= WireLimits.MaxTensorRank, $"a tensor has more than {WireLimits.MaxTensorRank} dimensions");
                var shape = ImmutableArray.CreateBuilder<int>(dims);
                for (var d = 0; d < dims; d++)
                {
                    var dim = reader.ReadInt32();
                    Expect(dim >= 0, $"tensor {i} has a negative dimension");
                    shape.Add(dim);
                }

                specs.Add(new TensorSpec(name, shape.MoveToImmutable()));
            }

            var bytes = reader.ReadBytes() ?? throw new MessagePackSerializationException("The weights have no values.");
            Expect(bytes.Length % sizeof(float) == 0, "the value block is not a whole number of float32s");
            Expect(bytes.Length / sizeof(float) == ElementCount(specs), "the shapes do not hold as many values as the block");
            var values = LittleEndianFloats.FromBytes(bytes);
            try
            {
                return new ModelWeights(specs, values);
            }
            catch (Exception ex) when (ex is ArgumentException or OverflowException)
            {
                throw new MessagePackSerializationException("Malformed weights: " + ex.Message, ex);
            }
        }
        finally
        {
            reader.Depth--;
        }
    }

    // Summed in long arithmetic before the values are copied, so a forged shape costs no allocation.
    private static long ElementCount(List<TensorSpec> specs)
    {
        long total = 0;
        foreach (var spec in specs)
        {
            long n = 1;
            foreach (var dim in spec.Shape)
            {
                n = Math.Min(n * dim, long.MaxValue / int.MaxValue);
            }

            total = Math.Min(total + n, long.MaxValue / 2);
        }

        return total;
    }

    private static void Bounded(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ProtocolViolationException(nameof(ModelWeights), RefusalReason.WrongLayout, "the weights have " + problem);
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
