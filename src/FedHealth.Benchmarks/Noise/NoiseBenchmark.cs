using System.Diagnostics;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Benchmarks.Noise;

/// <summary>Times one site's noise share with the old and the new exact sampler, alternately, on one thread.</summary>
public static class NoiseBenchmark
{
    public static NoiseBenchResult Run(NoiseBenchOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Coordinates < 1 || options.Repetitions < 1 || !(options.SiteStdDev > 0) || double.IsInfinity(options.SiteStdDev))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The noise benchmark needs ≥ 1 coordinate, ≥ 1 repetition and a finite σ > 0.");
        }

        var sigmaSquared = Rational.CeilingOf(options.SiteStdDev * options.SiteStdDev, 16);
        if (!DiscreteGaussianTableSampler.CanTabulate(sigmaSquared))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"σ = {options.SiteStdDev} is beyond the table sampler's reach; sites use the rejection sampler there.");
        }

        // Warm both up (JIT, tiered compilation) so the first measured run is not a compile-time figure.
        var warmUp = new long[Math.Min(options.Coordinates, 20_000)];
        Time(warmUp, random => new DiscreteGaussianSampler(random, sigmaSquared).Fill(warmUp));
        Time(warmUp, random => new DiscreteGaussianTableSampler(random, sigmaSquared).Fill(warmUp));

        var values = new long[options.Coordinates];
        var rejection = new List<double>();
        var table = new List<double>();
        double rejectionVariance = 0, tableVariance = 0;
        for (var run = 1; run <= options.Repetitions; run++)
        {
            progress?.Invoke($"run {run}/{options.Repetitions}: rejection sampler, {options.Coordinates:N0} coordinates …");
            rejection.Add(Time(values, random => new DiscreteGaussianSampler(random, sigmaSquared).Fill(values)));
            rejectionVariance = VarianceRatio(values, sigmaSquared);
            progress?.Invoke($"run {run}/{options.Repetitions}: rejection {rejection[^1]:0} ms; table sampler …");
            table.Add(Time(values, random => new DiscreteGaussianTableSampler(random, sigmaSquared).Fill(values)));
            tableVariance = VarianceRatio(values, sigmaSquared);
            progress?.Invoke($"run {run}/{options.Repetitions}: table {table[^1]:0} ms");
        }

        return new NoiseBenchResult(options.Coordinates, Math.Sqrt(sigmaSquared.Value), rejection, table, rejectionVariance, tableVariance, Environment.ProcessorCount);
    }

    private static double Time(long[] values, Action<IRandomSource> fill)
    {
        Array.Clear(values);
        using var random = new OsRandomSource();
        var watch = Stopwatch.StartNew();
        fill(random);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double VarianceRatio(long[] values, Rational sigmaSquared)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }

        return sum / values.Length / sigmaSquared.Value;
    }
}
