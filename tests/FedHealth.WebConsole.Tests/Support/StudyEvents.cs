using System.Collections.Immutable;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.WebConsole.Tests.Support;

/// <summary>The events a study publishes, built the way the study actor builds them, for a three-site study.</summary>
internal static class StudyEvents
{
    public static readonly StudyId Study = new("sepsis-2026");

    public static readonly SiteId[] Sites = [new("hospital-a"), new("hospital-b"), new("hospital-c")];

    public static StudyOpened Opened(int rounds = 5, double? budget = 4.0) => new(Study, rounds, 3, budget, DateTimeOffset.UtcNow);

    public static RoundStarted Started(int round, int rounds = 5) => new(Study, round, rounds, Sites, DateTimeOffset.UtcNow);

    /// <summary>A committed round in which hospital-c dropped at the masked-input stage.</summary>
    public static RoundCommitted Committed(int round, double epsilon, double auc, int rounds = 5) =>
        new(Study, Record(round, updated: true) with
        {
            Privacy = new PrivacySpent(null, epsilon, 1e-5),
            Evaluation = new AggregateEvaluateOutcome(0.41, 0.83, auc, 0.82, ScoreHistogram.Empty(), []),
            SecureAggregation = true,
            Dropouts = [new SiteFailure(Sites[2], "masked_input", "the site vanished")],
        }, rounds, DateTimeOffset.UtcNow);

    public static RoundCommitted Aborted(int round, int rounds = 5) =>
        new(Study, Record(round, updated: false) with { SitesSucceeded = [] }, rounds, DateTimeOffset.UtcNow);

    public static StudyFinished Finished(string status, params RoundRecord[] records) =>
        new(new StudyResult(Study, status, null, records, ModelWeights.Zeros([new TensorSpec("w", ImmutableArray.Create(1))]), null));

    private static RoundRecord Record(int round, bool updated) => new(
        round, Sites, Sites[..2], [], updated, updated ? null : "too few sites delivered", double.NaN, null, 1250, 800, 1500, "hash");
}
