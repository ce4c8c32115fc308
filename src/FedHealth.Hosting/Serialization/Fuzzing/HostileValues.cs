using MessagePack;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>MessagePack values an attacker puts where a member should be: nil, extremes, non-finite numbers, control text, wrong shapes.</summary>
public static class HostileValues
{
    private static readonly byte[][] Encoded =
    [
        Encode(w => w.WriteNil()),
        Encode(w => w.Write(-1)),
        Encode(w => w.Write(0)),
        Encode(w => w.Write(999)),
        Encode(w => w.Write(int.MinValue)),
        Encode(w => w.Write(int.MaxValue)),
        Encode(w => w.Write(long.MaxValue)),
        Encode(w => w.Write(1L << 62)),
        Encode(w => w.Write(double.NaN)),
        Encode(w => w.Write(double.PositiveInfinity)),
        Encode(w => w.Write(-1e300)),
        Encode(w => w.Write(string.Empty)),
        Encode(w => w.Write("site\n[12:00:00 INF] forged\u001b[31m")),
        Encode(w => w.Write(new string('x', 300))),
        Encode(w => w.Write(true)),
        Encode(w => w.WriteArrayHeader(0)),
        Encode(w =>
        {
            w.WriteArrayHeader(3);
            w.Write(0);
            w.Write(0);
            w.Write(0);
        }),
        Encode(w => w.Write(Array.Empty<byte>())),
        Encode(w => w.Write(new byte[3])),
        Encode(w => w.WriteMapHeader(0)),
    ];

    public static int Count => Encoded.Length;

    public static ReadOnlySpan<byte> Get(int index) => Encoded[index % Encoded.Length];

    private static byte[] Encode(Action<MessagePackWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
