using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Composition;

/// <summary>
/// A study ready to run: its options, the strategy chain (FedAvg inside the DP decorator, checked
/// once here to aggregate a secure sum when secure aggregation is on), the privacy accountant with
/// its ledger, and the secure-aggregation settings of its rounds and statistics stage.
/// </summary>
public sealed record StudyPlan(StudyOptions Options, IStrategy Strategy, StudyPrivacyAccountant? Accountant, SecureRoundSettings? Secure)
{
    public const string LedgerFileName = "privacy-ledger.json";

    /// <summary>What the study is (every setting that shapes its rounds), to refuse a changed one under an existing study id on resume.</summary>
    public Persistence.StudyDefinition? Definition { get; init; }
}
