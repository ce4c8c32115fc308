using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Persistence;

/// <summary>One model as a file: a magic line, the tensor layout as text lines, then the float32 values little-endian.</summary>
internal static class ModelBlob
{
    private const string Magic = "fedhealth-model-v1";

    public static byte[] Write(ModelWeights weights)
    {
        var header = new StringBuilder().Append(Magic).Append('\n').Append(weights.Specs.Length).Append('\n');
        foreach (var spec in weights.Specs)
        {
            header.Append(spec.Name).Append('\t').Append(string.Join(",", spec.Shape)).Append('\n');
        }

        var head = Encoding.UTF8.GetBytes(header.ToString());
        var values = MemoryMarshal.AsBytes(weights.Flat);
        var bytes = new byte[head.Length + values.Length];
        head.CopyTo(bytes, 0);
        values.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    public static ModelWeights Read(byte[] bytes)
    {
        var position = 0;
        if (NextLine(bytes, ref position) != Magic)
        {
            throw new InvalidDataException("not a fedhealth model file");
        }

        var count = int.Parse(NextLine(bytes, ref position), System.Globalization.CultureInfo.InvariantCulture);
        var specs = new List<TensorSpec>(count);
        for (var i = 0; i < count; i++)
        {
            var parts = NextLine(bytes, ref position).Split('\t');
            var shape = parts[1].Length == 0 ? [] : parts[1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
            specs.Add(new TensorSpec(parts[0], [.. shape]));
        }

        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(position)).ToArray();
        return new ModelWeights(specs.ToImmutableArray(), values);
    }

    private static string NextLine(byte[] bytes, ref int position)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', position);
        if (end < 0)
        {
            throw new InvalidDataException("a truncated model file");
        }

        var line = Encoding.UTF8.GetString(bytes, position, end - position);
        position = end + 1;
        return line;
    }
}
