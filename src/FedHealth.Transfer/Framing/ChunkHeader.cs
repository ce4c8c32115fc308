using System.Buffers.Binary;

namespace FedHealth.Transfer.Framing;

/// <summary>
/// 12 bytes before every chunk: kind (1) | reserved (3, zero) | sequence (4) | length (4), little-endian.
/// Sequence numbers start at 0 and the end frame carries the next one, so a dropped, repeated or
/// reordered chunk is caught even before the hash is.
/// </summary>
internal readonly record struct ChunkHeader(ChunkKind Kind, uint Sequence, int Length)
{
    public const int Size = 12;

    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)Kind;
        destination[1] = 0;
        destination[2] = 0;
        destination[3] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4, 4), Sequence);
        BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(8, 4), Length);
    }

    public static ChunkHeader Read(ReadOnlySpan<byte> source)
    {
        var kind = (ChunkKind)source[0];
        var length = BinaryPrimitives.ReadInt32LittleEndian(source.Slice(8, 4));
        if (kind is not (ChunkKind.Data or ChunkKind.End) || source[1] != 0 || source[2] != 0 || source[3] != 0 || length < 0)
        {
            throw new BlobTransferException(BlobStatus.MalformedFrame, $"Malformed chunk header (kind {source[0]}, length {length}).");
        }

        return new ChunkHeader(kind, BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(4, 4)), length);
    }
}
