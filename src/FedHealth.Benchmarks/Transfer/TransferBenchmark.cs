using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FedHealth.Transfer.Client;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Server;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// <c>fedhealth bench transfer</c> as a library call. One process, loopback only, mutual TLS on
/// both channels with certificates from one throwaway CA:
/// (a) the blob channel: the coordinator publishes the weight vector, the site fetches it (connect,
/// handshake, chunks, SHA-256 check, verdict); (b) plain Akka.Remote: the same bytes as byte[]
/// messages between two actor systems, windowed and acknowledged end to end. Repetitions are
/// interleaved so the machine's noise hits every channel alike; figures are medians.
/// </summary>
public static class TransferBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(30);

    public static async Task<TransferBenchResult> RunAsync(TransferBenchOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SizeMb, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        progress ??= _ => { };
        var vector = WeightVector(options.SizeMb * 1_000_000L / sizeof(float));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(vector));
        using var pki = ThrowawayPki.Create("FedHealth benchmark CA");
        var transports = options.AkkaLargeFrames ? new[] { AkkaTransport.Default, AkkaTransport.LargeFrames } : [AkkaTransport.Default];

        await using var server = BlobServer.Start(new BlobServerOptions { Certificate = pki.Issue("coordinator"), ValidateClient = pki.Validator });
        var client = new BlobClient(new BlobClientOptions { Certificate = pki.Issue("site"), ValidateServer = pki.Validator });
        var publish = Stopwatch.StartNew();
        var offer = server.Publish(vector, Patience);
        var publishMs = publish.Elapsed.TotalMilliseconds;

        var pairs = new List<AkkaRemotePair>();
        try
        {
            foreach (var transport in transports)
            {
                progress($"starting two actor systems ({transport.Name}, mutual TLS)");
                pairs.Add(await AkkaRemotePair.StartAsync(transport, tls: true, pki).ConfigureAwait(false));
            }

            var chunked = transports.Select(t => Chunk(vector, t.ChunkBytes)).ToList();
            progress("warming up until the JIT is quiet");
            var warmUp = await WarmUpAsync(server, client, pairs, transports, cancellationToken).ConfigureAwait(false);
            progress($"warm after {warmUp.TotalSeconds:0.0} s");

            var blobRuns = new List<TimeSpan>();
            var akkaRuns = transports.Select(_ => new List<TimeSpan>()).ToList();
            var verified = true;
            for (var r = 0; r < options.Repetitions; r++)
            {
                Collect();
                var clock = Stopwatch.StartNew();
                var fetched = await client.FetchAsync(server.EndPoint, offer, cancellationToken).ConfigureAwait(false);
                blobRuns.Add(clock.Elapsed);
                verified &= fetched.AsSpan().SequenceEqual(vector);
                progress($"run {r + 1}/{options.Repetitions}: blob channel {Rate(vector.Length, blobRuns[^1]):0} MB/s");
                fetched = null;
                for (var t = 0; t < transports.Length; t++)
                {
                    Collect();
                    var (elapsed, received) = await pairs[t].SendAsync(chunked[t], transports[t].Window, Patience).ConfigureAwait(false);
                    akkaRuns[t].Add(elapsed);
                    verified &= received == sha256;
                    progress($"run {r + 1}/{options.Repetitions}: {transports[t].Name} {Rate(vector.Length, elapsed):0} MB/s");
                }
            }

            var blob = Figures(
                "blob channel",
                $"SslStream over TCP on 127.0.0.1, TLS 1.3/1.2 with mutual authentication, {BlobFraming.DefaultChunkSize} B chunks, "
                + "4 MiB socket buffers, SHA-256 checked by the receiver; each run connects and handshakes anew",
                BlobFraming.DefaultChunkSize,
                vector.Length,
                blobRuns);
            var akka = transports.Select((t, i) => Figures(t.Name, t.Describe(tls: true), t.ChunkBytes, vector.Length, akkaRuns[i])).ToList();
            return new TransferBenchResult(vector.Length, options.Repetitions, Environment.ProcessorCount, blob, akka, verified)
            {
                PublishMilliseconds = Math.Round(publishMs, 1),
                WarmUpSeconds = Math.Round(warmUp.TotalSeconds, 1),
            };
        }
        finally
        {
            foreach (var pair in pairs)
            {
                await pair.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs every path until the JIT has finished tiering it up: three quiet rounds in a row (fewer
    /// than five methods compiled), at most <see cref="WarmUpLimit"/>. With dynamic PGO, hot code is
    /// compiled twice more after start-up, and on two cores those background compiles would
    /// otherwise land in the measured runs, of whichever channel happened to run then.
    /// </summary>
    private static async Task<TimeSpan> WarmUpAsync(
        BlobServer server, BlobClient client, List<AkkaRemotePair> pairs, AkkaTransport[] transports, CancellationToken cancellationToken)
    {
        var small = WeightVector(2_500_000);
        var offer = server.Publish(small, Patience);
        var chunked = transports.Select(t => Chunk(small, t.ChunkBytes)).ToList();
        var clock = Stopwatch.StartNew();
        for (var quiet = 0; quiet < 3 && clock.Elapsed < WarmUpLimit;)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < 3; i++)
            {
                await client.FetchAsync(server.EndPoint, offer, cancellationToken).ConfigureAwait(false);
            }

            for (var t = 0; t < transports.Length; t++)
            {
                await pairs[t].SendAsync(chunked[t], transports[t].Window, Patience).ConfigureAwait(false);
            }

            // The tiering worker waits for a lull before it compiles; give it one.
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            quiet = JitInfo.GetCompiledMethodCount() - compiled < 5 ? quiet + 1 : 0;
        }

        server.Withdraw(offer.Ticket);
        return clock.Elapsed;
    }

    /// <summary>A float32 weight vector of reproducible, roughly normal values: as incompressible as a real model.</summary>
    private static byte[] WeightVector(long floats)
    {
        var random = new Random(42);
        var values = new float[floats];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.1);
        }

        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    /// <summary>Cut before timing, so Akka is not charged for the copies.</summary>
    private static byte[][] Chunk(byte[] data, int size) =>
        [.. Enumerable.Range(0, (data.Length + size - 1) / size).Select(i => data.AsSpan(i * size, Math.Min(size, data.Length - (i * size))).ToArray())];

    private static ChannelFigures Figures(string channel, string configuration, int chunkBytes, long bytes, List<TimeSpan> runs)
    {
        var seconds = runs.Select(r => r.TotalSeconds).Order().ToList();
        var median = seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[(seconds.Count / 2) - 1] + seconds[seconds.Count / 2]) / 2;
        return new ChannelFigures(
            channel,
            configuration,
            chunkBytes,
            MutualTls: true,
            Math.Round(median, 3),
            Math.Round(bytes / median / 1e6, 1),
            [.. runs.Select(r => Math.Round(Rate(bytes, r), 1))]);
    }

    private static double Rate(long bytes, TimeSpan elapsed) => bytes / elapsed.TotalSeconds / 1e6;

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
