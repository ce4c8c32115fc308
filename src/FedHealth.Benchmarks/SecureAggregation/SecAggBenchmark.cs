using System.Diagnostics;
using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Crypto.Prg;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Masking;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Simulation;
using MessagePack;
using MessagePack.Resolvers;

namespace FedHealth.Benchmarks.SecureAggregation;

/// <summary>
/// <c>fedhealth bench secagg</c> as a library call: runs secure-aggregation sessions in process
/// with real clients and a real coordinator and, after each, measures in the same process with the
/// same kernels and cores the floor any masking scheme must pay (the modular sum of the survivors'
/// vectors plus expanding every mask the coordinator removed); then the PRG's single-core rate.
/// Times are medians over <see cref="SecAggBenchOptions.Repetitions"/> runs.
/// </summary>
public static class SecAggBenchmark
{
    private static readonly MessagePackSerializerOptions Wire =
        MessagePackSerializerOptions.Standard.WithResolver(CompositeResolver.Create(StandardResolver.Instance, ContractlessStandardResolver.Instance));

    private static bool _warmedUp;

    public static SecAggBenchResult Run(SecAggBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Params, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1);
        var cores = Math.Max(1, options.Cores);
        WarmUp(cores);
        var n = options.Sites;
        var choice = options.Neighbours is { } k
            ? SecAggParameterChooser.ForNeighbours(n, k, options.Dropout, options.CorruptFraction)
            : SecAggParameterChooser.Choose(n, options.Dropout, options.CorruptFraction);
        var runs = Enumerable.Range(0, options.Repetitions).Select(r => RunOnce(options, choice, options.Seed + r, cores)).ToList();
        var parameters = choice.ToParameters(options.ModulusBits);
        return new SecAggBenchResult(
            n,
            options.Params,
            options.Dropout,
            Median(runs.Select(r => r.ClientMs)),
            Median(runs.Select(r => r.ServerMs)),
            Median(runs.Select(r => r.FloorSumMs + r.FloorPrgMs)),
            (long)Median(runs.Select(r => (double)r.UploadBytes)),
            runs.All(r => r.SumCorrect))
        {
            Neighbours = choice.Neighbours,
            Threshold = choice.Threshold,
            CompleteGraph = choice.CompleteGraph,
            DroppedSites = runs[0].Dropped,
            MasksRemoved = runs[0].Masks,
            Aborted = runs.Select(r => r.Aborted).FirstOrDefault(a => a is not null),
            ClientMaxMs = runs.Max(r => r.ClientMaxMs),
            FloorSumMs = Median(runs.Select(r => r.FloorSumMs)),
            FloorPrgMs = Median(runs.Select(r => r.FloorPrgMs)),
            QuantizedBytesPerSite = (long)options.Params * parameters.BytesPerElement,
            Repetitions = runs.Count,
            ServerMsRuns = [.. runs.Select(r => Math.Round(r.ServerMs, 1))],
            FloorMsRuns = [.. runs.Select(r => Math.Round(r.FloorSumMs + r.FloorPrgMs, 1))],
            PrgGigabytesPerSecond = MeasurePrg(),
            PrgImplementation = AesCtrPrg.Implementation,
            Cores = cores,
            CollusionBits = choice.CollusionBits,
            CorrectnessBits = choice.CorrectnessBits,
        };
    }

    /// <summary>Single-core keystream rate of the protocol's PRG, in GB/s.</summary>
    public static double MeasurePrg(int milliseconds = 300)
    {
        using var prg = new AesCtrPrg(RandomNumberGenerator.GetBytes(AesCtrPrg.KeySize));
        var buffer = new byte[1 << 20];
        prg.Generate(buffer);
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < milliseconds)
        {
            prg.Generate(buffer, bytes / AesCtrPrg.BlockSize);
            bytes += buffer.Length;
        }

        return bytes / clock.Elapsed.TotalSeconds / 1e9;
    }

    private static Measurement RunOnce(SecAggBenchOptions options, SecAggParameterChoice choice, int seed, int cores)
    {
        var n = options.Sites;
        var parameters = choice.ToParameters(options.ModulusBits);
        var sites = Enumerable.Range(1, n).Select(i => new SiteId($"site-{i:D5}")).ToList();
        var picker = new Random(seed);
        var dropped = sites.OrderBy(_ => picker.Next()).Take((int)Math.Round(options.Dropout * n)).ToDictionary(s => s, _ => options.DropStage);
        var session = new InProcessSession(
            new StudyId("bench-secagg"), 1, sites, parameters, options.Params, site => Input(site, seed, options.Params, options.ModulusBits))
        {
            Dropouts = dropped,
            Policy = new SecAggClientPolicy(options.CorruptFraction, Math.Min(SecAggParameterChooser.DefaultSecurityBits, choice.CollusionBits)),
            ClientParallelism = cores,
            ServerParallelism = cores,
            MeasureUpload = WireSize,
            CollectGarbageBeforeCoordinator = true,
        };

        Collect();
        var outcome = InProcessRunner.Run(session);
        var included = outcome.Result?.Included ?? [];
        var sumCorrect = outcome.Result is { } result && result.Sum.AsSpan().SequenceEqual(ExpectedSum(included, seed, options));
        var full = included.Count > 0 ? included : sites;
        var clientMs = full.Select(s => outcome.ClientTime.TryGetValue(s, out var t) ? t.TotalMilliseconds : 0).ToList();
        var upload = full.Select(s => outcome.UploadBytes.TryGetValue(s, out var b) ? b : 0).ToList();
        var masks = outcome.Result?.MasksRemoved ?? 0;
        Collect();
        var (floorSum, floorPrg) = MeasureFloor(included.Count, masks, options.Params, parameters.BytesPerElement, cores);
        Collect();
        return new Measurement(
            clientMs.Average(), clientMs.Max(), outcome.ServerTime.TotalMilliseconds, floorSum, floorPrg, (long)upload.Average(), sumCorrect, dropped.Count, masks, outcome.Abort?.Reason);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static (double SumMs, double PrgMs) MeasureFloor(int survivors, int masks, int length, int bytesPerElement, int cores)
    {
        if (survivors == 0)
        {
            return (0, 0);
        }

        var random = new Random(7);
        var vectors = new byte[survivors][];
        for (var i = 0; i < survivors; i++)
        {
            vectors[i] = new byte[length * bytesPerElement];
            random.NextBytes(vectors[i]);
        }

        var terms = Enumerable.Range(0, masks)
            .Select(i => new MaskTerm(new AesCtrPrg(RandomNumberGenerator.GetBytes(AesCtrPrg.KeySize)), Subtract: i % 2 == 0))
            .ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            if (bytesPerElement == 4)
            {
                var acc = new uint[length];
                clock.Restart();
                foreach (var v in vectors)
                {
                    MaskKernel.Add(acc, v, cores);
                }

                var sum = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                MaskKernel.Apply(acc, terms, cores);
                return (sum, clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                var acc = new ulong[length];
                clock.Restart();
                foreach (var v in vectors)
                {
                    MaskKernel.Add(acc, v, cores);
                }

                var sum = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                MaskKernel.Apply(acc, terms, cores);
                return (sum, clock.Elapsed.TotalMilliseconds);
            }
        }
        finally
        {
            foreach (var term in terms)
            {
                term.Generator.Dispose();
            }
        }
    }

    private static ulong[] ExpectedSum(IReadOnlyList<SiteId> included, int seed, SecAggBenchOptions options)
    {
        var mask = options.ModulusBits == 64 ? ulong.MaxValue : (1UL << options.ModulusBits) - 1;
        var sum = new ulong[options.Params];
        foreach (var site in included)
        {
            var x = Input(site, seed, options.Params, options.ModulusBits);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] = (sum[i] + x[i]) & mask;
            }
        }

        return sum;
    }

    /// <summary>A site's benchmark input: uniform values below 2^m from SplitMix64 (test data, not protocol randomness).</summary>
    private static ulong[] Input(SiteId site, int seed, int length, int bits)
    {
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var state = (ulong)(uint)HashCode.Combine(seed) * 0x9E3779B97F4A7C15UL ^ (ulong)Fnv(site.Value);
        var values = new ulong[length];
        for (var i = 0; i < length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            values[i] = (z ^ (z >> 31)) & mask;
        }

        return values;
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static long WireSize(IRoundMessage message) => MessagePackSerializer.Serialize(message.GetType(), message, Wire).Length;

    private static void WarmUp(int cores)
    {
        if (_warmedUp)
        {
            return;
        }

        var sites = Enumerable.Range(1, 5).Select(i => new SiteId($"warm-{i}")).ToList();
        InProcessRunner.Run(new InProcessSession(new StudyId("warm-up"), 1, sites, new SecAggParameters(4, 3), 4096, _ => new ulong[4096])
        {
            Policy = new SecAggClientPolicy(0, 0),
            Dropouts = new Dictionary<SiteId, Core.Protocol.SecureAggregation.SecAggStage> { [sites[0]] = Core.Protocol.SecureAggregation.SecAggStage.MaskedInput },
            ClientParallelism = cores,
            ServerParallelism = cores,
        });
        MeasurePrg(50);
        _warmedUp = true;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private sealed record Measurement(
        double ClientMs,
        double ClientMaxMs,
        double ServerMs,
        double FloorSumMs,
        double FloorPrgMs,
        long UploadBytes,
        bool SumCorrect,
        int Dropped,
        int Masks,
        string? Aborted);
}
