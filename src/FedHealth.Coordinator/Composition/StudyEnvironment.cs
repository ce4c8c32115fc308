namespace FedHealth.Coordinator.Composition;

/// <summary>
/// What the host knows that the request does not say: how many sites and features there are, how
/// long the host waits for registrations, where the privacy ledger goes, and (in a simulation) the
/// simulated dropout rate.
/// </summary>
/// <param name="Sites">The number of sites taking part.</param>
/// <param name="Features">The model's input features (after preprocessing).</param>
/// <param name="StatisticsLength">The length of the encoded feature statistics, for pooled normalisation.</param>
/// <param name="LedgerFolder">The folder of the privacy ledger (and the report).</param>
/// <param name="RegistrationTimeout">How long the study waits for its sites before round 1.</param>
public sealed record StudyEnvironment(int Sites, int Features, int StatisticsLength, string LedgerFolder, TimeSpan RegistrationTimeout)
{
    /// <summary>DP-SGD's sampling rate when the request gives none; null when the host cannot know it (then the request must give it).</summary>
    public Func<double>? DefaultSamplingRate { get; init; }

    /// <summary>Simulation only: the probability that a site vanishes at a random stage of a round.</summary>
    public double SimulatedDropout { get; init; }
}
