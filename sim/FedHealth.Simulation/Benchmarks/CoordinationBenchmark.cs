using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Study;
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
        var request = StudyRequest.Default with
        {
            Id = "bench-rounds",
            Rounds = rounds,
            LocalSteps = 100,
            MinFitSites = sites,
            Dp = "off",
            SecureAggregation = false,
            Seed = seed,
        };
        var environment = new StudyEnvironment(sites, data.Description.FeatureNames.Length, 0, Path.GetTempPath(), TimeSpan.FromMinutes(2));
        var plan = StudyComposer.Compose(request, environment);

        // Warm-up: JIT, libtorch load and actor system start are not per-round costs.
        Measure(new SimulationSpec(StudyComposer.Compose(request with { Rounds = 1 }, environment), data.Sites, trainer));
        var real = Measure(new SimulationSpec(plan, data.Sites, trainer));
        var bare = Measure(new SimulationSpec(plan, data.Sites, new PassThroughTrainer(trainer)));
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
