namespace FedHealth.Simulation.Benchmarks;

/// <summary>Mean per-round figures, in milliseconds.</summary>
public sealed record CoordinationBenchmarkResult(
    int Sites,
    int Rounds,
    int Cores,
    double RoundMilliseconds,
    double SlowestSiteTrainMilliseconds,
    double TotalSiteTrainMilliseconds,
    double ZeroCostTrainerRoundMilliseconds)
{
    /// <summary>
    /// Round time minus the slowest site's local training. An upper bound on coordination cost:
    /// with more sites than cores, sites' training also waits for a core. The zero-cost-trainer
    /// round time is the clean measure of coordination alone.
    /// </summary>
    public double RoundMinusTrainingMilliseconds => RoundMilliseconds - SlowestSiteTrainMilliseconds;
}
