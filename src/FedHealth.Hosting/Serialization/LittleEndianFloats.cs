using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FedHealth.Hosting.Serialization;

/// <summary>float32 vectors ⇄ little-endian bytes; a plain memory copy on little-endian machines.</summary>
internal static class LittleEndianFloats
{
    public static byte[] ToBytes(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }
        }

        return bytes;
    }

    public static float[] FromBytes(ReadOnlySequence<byte> bytes)
    {
        var values = new float[bytes.Length / sizeof(float)];
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(target.Slice(i * sizeof(float)));
            }
        }

        return values;
    }
}
