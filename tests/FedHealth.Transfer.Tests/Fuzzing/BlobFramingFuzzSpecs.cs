using System.Security.Cryptography;
using CsCheck;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the blob channel's framing: a mutated chunk stream, request or status
/// frame is refused with a <see cref="BlobTransferException"/> naming its status, or it is read
/// exactly as sent; nothing else happens. <c>FEDHEALTH_FUZZ_CASES</c> raises the count and
/// <c>FEDHEALTH_FUZZ_SEED</c> replays a failure's seed (as in the wire fuzz suite).
/// </summary>
public sealed class BlobFramingFuzzSpecs
{
    private const long DefaultCases = 5_000;
    private const int ChunkSize = 256;

    private static readonly byte[] Data = Support.Blobs.Random(1_000);
    private static readonly byte[] Sha256 = SHA256.HashData(Data);
    private static readonly byte[] Stream = Framed();

    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_CASES"), out var cases) && cases > 0 ? cases : DefaultCases;

    private static string? Seed => Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>1–4 edits: set a byte, flip a bit, cut the stream, insert or delete a byte.</summary>
    private static readonly Gen<(int Kind, int Position, byte Value)[]> Edits = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 4];

    [Fact]
    public void A_mutated_chunk_stream_is_refused_with_a_status_or_read_exactly_as_sent()
    {
        var tally = new int[2];
        Edits.Sample(
            edits =>
            {
                var outcome = Read(Mutate(Stream, edits));
                tally[outcome is null ? 0 : 1]++;
                return outcome is null || outcome.AsSpan().SequenceEqual(Data);
            },
            seed: Seed,
            iter: Cases,
            threads: 1);

        Assert.True(tally[0] > 0, "no mutated stream was refused");
    }

    [Fact]
    public void Random_bytes_as_a_chunk_stream_are_refused_with_a_status() =>
        Gen.Byte.Array[0, 2_048].Sample(bytes => Read(bytes) is null, seed: Seed, iter: Cases / 4, threads: 1);

    [Fact]
    public void A_mutated_or_random_request_frame_is_read_or_refused_with_a_status()
    {
        var valid = new byte[BlobRequest.Size];
        new BlobRequest(BlobOperation.Get, BlobOffer.For(Data).Ticket, Data.Length).Write(valid);

        Gen.OneOf(Edits.Select(e => Mutate(valid, e)), Gen.Byte.Array[0, 64]).Sample(
            frame => Holds(() => BlobRequest.Read(frame).Length >= 0),
            seed: Seed,
            iter: Cases,
            threads: 1);
    }

    [Fact]
    public void A_mutated_or_random_status_frame_is_read_as_a_known_status_or_refused()
    {
        var valid = new byte[StatusFrame.Size];
        StatusFrame.Write(valid, BlobStatus.Ok);

        Gen.OneOf(Edits.Select(e => Mutate(valid, e)), Gen.Byte.Array[0, 8]).Sample(
            frame => Holds(() => Enum.IsDefined(StatusFrame.Read(frame))),
            seed: Seed,
            iter: Cases,
            threads: 1);
    }

    /// <summary>The bytes read, or null for a typed refusal; any other exception fails the property.</summary>
    private static byte[]? Read(byte[] stream)
    {
        try
        {
            return BlobFrameReader.ReadAsync(new MemoryStream(stream), Data.Length, Sha256, ChunkSize, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (BlobTransferException)
        {
            return null;
        }
    }

    /// <summary>True for a typed refusal; otherwise what the frame read says of itself. Any other exception fails the property.</summary>
    private static bool Holds(Func<bool> read)
    {
        try
        {
            return read();
        }
        catch (BlobTransferException)
        {
            return true;
        }
    }

    private static byte[] Mutate(byte[] original, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (var (kind, position, value) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0: bytes[at] = value; break;
                case 1 when bytes.Count > 0: bytes[at] ^= (byte)(1 << (value % 8)); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.Insert(at, value); break;
                case 4 when bytes.Count > 0: bytes.RemoveAt(at); break;
                default: break;
            }
        }

        return [.. bytes];
    }

    private static byte[] Framed()
    {
        using var stream = new MemoryStream();
        BlobFrameWriter.WriteAsync(stream, Data, Sha256, ChunkSize, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
