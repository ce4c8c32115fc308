using System.Buffers.Binary;
using System.Security.Cryptography;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Framing;

/// <summary>The chunk format on its own: no sockets, no TLS, just bytes in a stream.</summary>
public sealed class BlobFramingSpecs
{
    private const int Chunk = 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData((5 * Chunk) + 7)]
    public async Task A_blob_written_in_chunks_reads_back_byte_exact(int size)
    {
        var blob = Blobs.Random(size);

        var received = await ReadAsync(await WriteAsync(blob), blob.Length, SHA256.HashData(blob));

        Assert.Equal(blob, received);
    }

    [Fact]
    public async Task Chunks_are_numbered_from_zero_no_larger_than_the_chunk_size_and_end_with_the_hash()
    {
        var blob = Blobs.Random((2 * Chunk) + 5);

        var frames = Frames(await WriteAsync(blob));

        Assert.Equal([(1, 0u, Chunk), (1, 1u, Chunk), (1, 2u, 5), (2, 3u, 32)], frames.Select(f => (f.Kind, f.Sequence, f.Length)));
        Assert.Equal(SHA256.HashData(blob), frames[^1].Payload);
    }

    [Fact]
    public async Task A_flipped_bit_in_a_chunk_is_a_hash_mismatch()
    {
        var blob = Blobs.Random(3 * Chunk);
        var wire = await WriteAsync(blob);
        wire[12 + 100] ^= 0x01;

        var error = await FailsAsync(wire, blob);

        Assert.Equal(BlobStatus.HashMismatch, error.Status);
    }

    [Fact]
    public async Task A_sender_vouching_for_other_bytes_than_the_offer_names_is_a_hash_mismatch()
    {
        var offered = Blobs.Random(Chunk, seed: 1);
        var sent = Blobs.Random(Chunk, seed: 2);

        var error = await Assert.ThrowsAsync<BlobTransferException>(async () => await ReadAsync(await WriteAsync(sent), Chunk, SHA256.HashData(offered)));

        Assert.Equal(BlobStatus.HashMismatch, error.Status);
        Assert.Contains("offer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_larger_than_the_receivers_limit_is_refused_before_its_bytes_are_read()
    {
        var blob = Blobs.Random(4 * Chunk);
        var wire = await WriteAsync(blob, chunkSize: 4 * Chunk);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => ReadAsync(wire, blob.Length, SHA256.HashData(blob), maxChunk: Chunk));

        Assert.Equal(BlobStatus.OversizeChunk, error.Status);
    }

    [Fact]
    public async Task Chunks_out_of_order_are_refused()
    {
        var blob = Blobs.Random(2 * Chunk);
        var wire = await WriteAsync(blob);
        var first = wire.AsSpan(0, 12 + Chunk).ToArray();
        wire.AsSpan(12 + Chunk, 12 + Chunk).CopyTo(wire);
        first.CopyTo(wire.AsSpan(12 + Chunk));

        var error = await FailsAsync(wire, blob);

        Assert.Equal(BlobStatus.OutOfOrderChunk, error.Status);
    }

    [Theory]
    [InlineData(12 + 10)]
    [InlineData(12 + Chunk)]
    [InlineData(12 + Chunk + 12 + Chunk + 12 + 31)]
    public async Task A_stream_that_ends_early_is_truncated(int keep)
    {
        var blob = Blobs.Random(2 * Chunk);
        var wire = await WriteAsync(blob);

        var error = await FailsAsync(wire[..keep], blob);

        Assert.Equal(BlobStatus.TruncatedStream, error.Status);
    }

    [Fact]
    public async Task More_bytes_than_offered_is_a_length_mismatch()
    {
        var blob = Blobs.Random(2 * Chunk);

        var error = await Assert.ThrowsAsync<BlobTransferException>(async () => await ReadAsync(await WriteAsync(blob), blob.Length - 1, SHA256.HashData(blob)));

        Assert.Equal(BlobStatus.LengthMismatch, error.Status);
    }

    [Fact]
    public async Task An_end_frame_before_all_offered_bytes_is_a_length_mismatch()
    {
        var blob = Blobs.Random(2 * Chunk);

        var error = await Assert.ThrowsAsync<BlobTransferException>(async () => await ReadAsync(await WriteAsync(blob), blob.Length + 1, SHA256.HashData(blob)));

        Assert.Equal(BlobStatus.LengthMismatch, error.Status);
    }

    [Fact]
    public async Task Garbage_instead_of_a_chunk_header_is_malformed()
    {
        var blob = Blobs.Random(Chunk);
        var wire = await WriteAsync(blob);
        wire[0] = 7;

        var error = await FailsAsync(wire, blob);

        Assert.Equal(BlobStatus.MalformedFrame, error.Status);
    }

    [Fact]
    public void A_request_frame_round_trips_and_anything_else_is_malformed()
    {
        var request = new BlobRequest(BlobOperation.Put, Transfer.Offers.BlobTicket.NewTicket(), 123_456_789_012);
        var frame = new byte[BlobRequest.Size];
        request.Write(frame);

        Assert.Equal(request, BlobRequest.Read(frame));
        frame[0] = (byte)'G';
        Assert.Equal(BlobStatus.MalformedFrame, Assert.Throws<BlobTransferException>(() => BlobRequest.Read(frame)).Status);
    }

    [Fact]
    public async Task A_writer_refuses_chunks_above_the_protocol_maximum()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => WriteAsync([1, 2, 3], BlobFraming.MaxChunkSize + 1));
    }

    private static async Task<byte[]> WriteAsync(byte[] blob, int chunkSize = Chunk)
    {
        using var wire = new MemoryStream();
        await BlobFrameWriter.WriteAsync(wire, blob, SHA256.HashData(blob), chunkSize, CancellationToken.None);
        return wire.ToArray();
    }

    private static async Task<byte[]> ReadAsync(byte[] wire, long length, byte[] sha256, int maxChunk = BlobFraming.MaxChunkSize)
    {
        using var stream = new MemoryStream(wire);
        return await BlobFrameReader.ReadAsync(stream, length, sha256, maxChunk, CancellationToken.None);
    }

    private static Task<BlobTransferException> FailsAsync(byte[] wire, byte[] blob) =>
        Assert.ThrowsAsync<BlobTransferException>(() => ReadAsync(wire, blob.Length, SHA256.HashData(blob)));

    private static List<(byte Kind, uint Sequence, int Length, byte[] Payload)> Frames(byte[] wire)
    {
        var frames = new List<(byte, uint, int, byte[])>();
        for (var at = 0; at < wire.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(wire.AsSpan(at + 8));
            frames.Add((wire[at], BinaryPrimitives.ReadUInt32LittleEndian(wire.AsSpan(at + 4)), length, wire.AsSpan(at + 12, length).ToArray()));
            at += 12 + length;
        }

        return frames;
    }
}
