using System.Buffers;
using System.Security.Cryptography;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Framing;

/// <summary>
/// Receives what <see cref="BlobFrameWriter"/> sent into one array of exactly the expected length,
/// hashing as it goes, and returns it only when every chunk arrived in order, no chunk exceeded the
/// limit, the lengths add up, and the SHA-256 matches both the sender's end frame and the offer.
/// Anything else throws <see cref="BlobTransferException"/>, and the partial bytes are dropped.
/// </summary>
internal static class BlobFrameReader
{
    public static async ValueTask<byte[]> ReadAsync(
        Stream stream, long length, ReadOnlyMemory<byte> expectedSha256, int maxChunkSize, CancellationToken cancellationToken)
    {
        if (length > BlobFraming.MaxBlobLength)
        {
            throw new BlobTransferException(BlobStatus.TooLarge, $"A blob of {length} bytes does not fit one array.");
        }

        var blob = GC.AllocateUninitializedArray<byte>((int)length);
        var header = ArrayPool<byte>.Shared.Rent(ChunkHeader.Size + BlobOffer.HashSize);
        var hash = new BackgroundSha256();
        try
        {
            var received = 0;
            for (uint expected = 0; ; expected++)
            {
                await ReadExactlyAsync(stream, header.AsMemory(0, ChunkHeader.Size), received, length, cancellationToken).ConfigureAwait(false);
                var chunk = ChunkHeader.Read(header);
                if (chunk.Sequence != expected)
                {
                    throw new BlobTransferException(BlobStatus.OutOfOrderChunk, $"Chunk {chunk.Sequence} arrived where chunk {expected} was due.");
                }

                if (chunk.Kind == ChunkKind.End)
                {
                    await CheckEndAsync(stream, chunk, header, received, length, hash, expectedSha256, cancellationToken).ConfigureAwait(false);
                    return blob;
                }

                if (chunk.Length is 0 || chunk.Length > maxChunkSize)
                {
                    throw new BlobTransferException(BlobStatus.OversizeChunk, $"Chunk {chunk.Sequence} announces {chunk.Length} bytes; chunks hold 1 to {maxChunkSize}.");
                }

                if (chunk.Length > length - received)
                {
                    throw new BlobTransferException(BlobStatus.LengthMismatch, $"Chunk {chunk.Sequence} would take the blob past the {length} bytes offered.");
                }

                await ReadExactlyAsync(stream, blob.AsMemory(received, chunk.Length), received, length, cancellationToken).ConfigureAwait(false);
                await hash.AppendAsync(blob, received, chunk.Length).ConfigureAwait(false);
                received += chunk.Length;
            }
        }
        finally
        {
            await hash.DisposeAsync().ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(header);
        }
    }

    private static async ValueTask CheckEndAsync(
        Stream stream, ChunkHeader end, byte[] header, int received, long length, BackgroundSha256 hash, ReadOnlyMemory<byte> expectedSha256, CancellationToken cancellationToken)
    {
        if (end.Length != BlobOffer.HashSize)
        {
            throw new BlobTransferException(BlobStatus.MalformedFrame, $"The end frame carries {end.Length} bytes instead of a SHA-256.");
        }

        if (received != length)
        {
            throw new BlobTransferException(BlobStatus.LengthMismatch, $"The sender ended the blob after {received} of the {length} bytes offered.");
        }

        var sent = header.AsMemory(ChunkHeader.Size, BlobOffer.HashSize);
        await ReadExactlyAsync(stream, sent, received, length, cancellationToken).ConfigureAwait(false);
        var actual = await hash.FinishAsync().ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(actual, sent.Span))
        {
            throw new BlobTransferException(BlobStatus.HashMismatch, "The bytes received do not match the sender's SHA-256: the blob was corrupted in transit.");
        }

        if (!CryptographicOperations.FixedTimeEquals(actual, expectedSha256.Span))
        {
            throw new BlobTransferException(BlobStatus.HashMismatch, "The bytes received do not match the offer's SHA-256: the sender sent another blob.");
        }
    }

    private static async ValueTask ReadExactlyAsync(Stream stream, Memory<byte> buffer, int received, long length, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new BlobTransferException(BlobStatus.TruncatedStream, $"The stream ended after {received} of {length} bytes.", ex);
        }
    }
}
