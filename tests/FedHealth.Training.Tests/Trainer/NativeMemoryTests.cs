using System.Diagnostics;
using System.Globalization;
using FedHealth.Core.Training;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using TorchSharp;
using Xunit.Abstractions;

namespace FedHealth.Training.Tests.Trainer;

/// <summary>Runs alone: it reads process-wide counters that parallel tests would disturb.</summary>
[CollectionDefinition(nameof(NativeMemoryTests), DisableParallelization = true)]
public sealed class NativeMemoryCollection;

[Collection(nameof(NativeMemoryTests))]
public sealed class NativeMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Native_memory_does_not_grow_across_100_rounds_of_fit_and_evaluate()
    {
        // Big enough that leaking one step's tensors (64 × 50 floats plus the autograd graph) over
        // 100 rounds × 50 steps, or one round's data tensor (2000 × 50 floats), costs well over the bound.
        AssertNoGrowthOver100Rounds(round => new FitConfig(OptimizerKind.Adam, 1e-3, 64, 50, 0, round));
    }

    [Fact]
    public void Native_memory_does_not_grow_across_100_rounds_of_dp_sgd_fit_and_evaluate()
    {
        // The DP step makes more tensors than a plain one: per-layer float64 copies of the traces,
        // the clipped sums, the noise and the gradients it sets on the parameters.
        AssertNoGrowthOver100Rounds(round =>
            new FitConfig(OptimizerKind.Adam, 1e-3, 64, 50, 0, round, new DpSgdConfig(1.0, 1.0, 64.0 / 2000)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Native_memory_does_not_grow_across_100_rounds_of_fedprox_fit_and_evaluate(bool dpSgd)
    {
        // The proximal term keeps a copy of the global weights for the whole fit and makes one
        // difference tensor per parameter per step.
        AssertNoGrowthOver100Rounds(round =>
            new FitConfig(OptimizerKind.Adam, 1e-3, 64, 50, 0, round, dpSgd ? new DpSgdConfig(1.0, 1.0, 64.0 / 2000) : null, ProximalMu: 0.1));
    }

    private void AssertNoGrowthOver100Rounds(Func<int, FitConfig> config)
    {
        var spec = ModelSpec.Mlp(50, 32);
        var train = SyntheticRows.Blobs(2000, 50, seed: 1, margin: 0.3);
        var test = SyntheticRows.Blobs(500, 50, seed: 2, margin: 0.3);
        var trainer = new LocalTrainer();
        var weights = trainer.Initialize(spec, 1);

        // Collecting every round keeps the managed heap's young generation (tens of MB of
        // ordinary garbage between collections here) from moving the resident size, so what
        // remains is libtorch's memory. Tensors left to the finalizer instead of disposed would
        // be hidden by this; the live-tensor count below catches those.
        void Round(int round)
        {
            weights = trainer.Fit(spec, weights, train, config(round)).Weights;
            trainer.Evaluate(spec, weights, test);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Warm-up: the JIT, libtorch's allocator and glibc's arenas settle first.
        for (var round = 0; round < 20; round++)
        {
            Round(round);
        }

        // Live tensors created on this thread (torch.Tensor.TotalCount is process-wide and also
        // counts each Parameter twice, so it drifts without any leak).
        var statistics = DisposeScopeManager.Statistics;
        var liveBefore = statistics.ThreadTotalLiveCount;
        var rssBefore = ResidentBytes();
        for (var round = 0; round < 100; round++)
        {
            Round(round);
        }

        var liveAfter = statistics.ThreadTotalLiveCount;
        var rssAfter = ResidentBytes();
        output.WriteLine($"live tensors {liveBefore} -> {liveAfter}; RSS {rssBefore / 1e6:F1} MB -> {rssAfter / 1e6:F1} MB");

        Assert.Equal(liveBefore, liveAfter);
        Assert.True(rssAfter - rssBefore < 30_000_000, $"Resident memory grew by {(rssAfter - rssBefore) / 1e6:F1} MB over 100 rounds");
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
