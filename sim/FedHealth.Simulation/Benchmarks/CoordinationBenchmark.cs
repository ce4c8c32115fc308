using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Core.Training;
using FedHealth.Simulation.InProcess;
using FedHealth.Training.Data;
using FedHealth.Training.Trainer;

namespace FedHealth.Simulation.Benchmarks;

/// <summary>
/// Coordination overhead per round, measured side by side in one process: the same federation of
/// synthetic hospitals once with real TorchSharp training and once with a zero-cost trainer.
/// </summary>
public static class CoordinationBenchmark
{
    public static CoordinationBenchmarkResult Run(int sites, int rounds, int seed = 42)
    {
        var data = SiteDatasets.Synthetic(seed, sites);
        var trainer = new LocalTrainer();
        var options = new StudyOptions
        {
            Rounds = rounds,
            Model = ModelSpec.LogisticRegression(data.Description.FeatureNames.Length),
            Fit = new FitConfig(OptimizerKind.Sgd, 0.01, 8, 100, 0, seed),
            MinFitSites = sites,
            MinAvailableSites = sites,
            Seed = seed,
        };
        var strategy = new FedAvg(new FedAvgOptions(options.Fit, MinFitSites: sites));

        // Warm-up: JIT, libtorch load and actor system start are not per-round costs.
        Measure(new SimulationSpec(options with { Rounds = 1 }, strategy, data.Sites, trainer));
        var real = Measure(new SimulationSpec(options, strategy, data.Sites, trainer));
        var bare = Measure(new SimulationSpec(options, strategy, data.Sites, new PassThroughTrainer(trainer)));
        return new CoordinationBenchmarkResult(
            sites,
            rounds,
            Environment.ProcessorCount,
            real.Rounds.Average(r => r.DurationMilliseconds),
            real.Rounds.Average(r => r.SlowestSiteTrainMilliseconds),
            real.Rounds.Average(r => r.TotalSiteTrainMilliseconds),
            bare.Rounds.Average(r => r.DurationMilliseconds));
    }

    private static StudyResult Measure(SimulationSpec spec)
    {
        var result = InProcessFederation.RunAsync(spec).GetAwaiter().GetResult();
        if (result.Status != StudyStatus.Completed)
        {
            throw new InvalidOperationException($"The benchmark federation did not complete: {result.Reason}");
        }

        return result;
    }
}
