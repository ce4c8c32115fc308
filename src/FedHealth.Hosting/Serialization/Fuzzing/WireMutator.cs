using System.Buffers;
using MessagePack;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>Applies <see cref="WireMutation"/>s to a payload, in order; pure and deterministic.</summary>
public static class WireMutator
{
    public static byte[] Apply(byte[] payload, IEnumerable<WireMutation> mutations)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(mutations);
        var bytes = payload.ToList();
        foreach (var m in mutations)
        {
            var at = bytes.Count == 0 ? 0 : (int)((uint)m.Position % (uint)bytes.Count);
            switch (m.Kind)
            {
                case MutationKind.FlipBit when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (m.Value & 7));
                    break;
                case MutationKind.SetByte when bytes.Count > 0:
                    bytes[at] = (byte)m.Value;
                    break;
                case MutationKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case MutationKind.InsertByte:
                    bytes.Insert(at, (byte)m.Value);
                    break;
                case MutationKind.DeleteByte when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case MutationKind.ReplaceMember:
                    bytes = ReplaceMember([.. bytes], m.Position, m.Value).ToList();
                    break;
            }
        }

        return [.. bytes];
    }

    // Rewrites a top-level array with one element swapped; a payload that is no array is left as it is.
    private static byte[] ReplaceMember(byte[] payload, int member, int value)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            var count = reader.ReadArrayHeader();
            if (count == 0)
            {
                return payload;
            }

            var target = (int)((uint)member % (uint)count);
            var buffer = new ArrayBufferWriter<byte>(payload.Length + 64);
            var writer = new MessagePackWriter(buffer);
            writer.WriteArrayHeader(count);
            for (var i = 0; i < count; i++)
            {
                var raw = reader.ReadRaw();
                if (i == target)
                {
                    writer.WriteRaw(HostileValues.Get(value));
                }
                else
                {
                    writer.WriteRaw(raw);
                }
            }

            writer.WriteRaw(reader.ReadRaw(reader.Sequence.Length - reader.Consumed));
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return payload;
        }
    }
}
