using System.Buffers;

namespace FedHealth.Transfer.Framing;

/// <summary>
/// Sends a blob as data chunks of at most <c>chunkSize</c> bytes, then an end frame with the SHA-256
/// the sender vouches for. The blob's bytes are written straight from the caller's memory: only the
/// small headers go through a pooled buffer.
/// </summary>
internal static class BlobFrameWriter
{
    public static async ValueTask WriteAsync(
        Stream stream, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> sha256, int chunkSize, CancellationToken cancellationToken)
    {
        BlobFraming.ThrowIfInvalidChunkSize(chunkSize, nameof(chunkSize));
        var header = ArrayPool<byte>.Shared.Rent(ChunkHeader.Size + sha256.Length);
        try
        {
            uint sequence = 0;
            for (var offset = 0; offset < data.Length; offset += chunkSize)
            {
                var length = Math.Min(chunkSize, data.Length - offset);
                new ChunkHeader(ChunkKind.Data, sequence++, length).Write(header);
                await stream.WriteAsync(header.AsMemory(0, ChunkHeader.Size), cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(data.Slice(offset, length), cancellationToken).ConfigureAwait(false);
            }

            new ChunkHeader(ChunkKind.End, sequence, sha256.Length).Write(header);
            sha256.CopyTo(header.AsMemory(ChunkHeader.Size));
            await stream.WriteAsync(header.AsMemory(0, ChunkHeader.Size + sha256.Length), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(header);
        }
    }
}
