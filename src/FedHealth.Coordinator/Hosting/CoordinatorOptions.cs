using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Hosting;

/// <summary>What the coordinator's actors need to run one composed study in a host.</summary>
/// <param name="Plan">The study, composed by <see cref="StudyComposer"/>.</param>
/// <param name="Initial">The model the first round starts from.</param>
public sealed record CoordinatorOptions(StudyPlan Plan, ModelWeights Initial)
{
    /// <summary>Which site ids may register; null lets every site register (a simulation).</summary>
    public Func<SiteId, bool>? IsEnrolled { get; init; }

    /// <summary>Across a network: verifies the sites' certificate-bound enrolments and registration proofs; null in a simulation.</summary>
    public IEnrolmentVerifier? Verifier { get; init; }

    /// <summary>The transfer channel for large models and replies; null sends everything inside messages.</summary>
    public RoundTransfer? Transfer { get; init; }

    /// <summary>Where the study's models go (the journal itself is the actor system's persistence plugin); null keeps them in memory.</summary>
    public Persistence.StudyPersistence? Persistence { get; init; }

    /// <summary>Every problem with these options; empty when the actors can start.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Initial.Length != Plan.Options.Model.ParameterCount)
        {
            problems.Add($"the initial model has {Initial.Length} parameters but the study's model has {Plan.Options.Model.ParameterCount}.");
        }

        if (Plan.Options.SecureAggregation.Enabled != Plan.Secure is not null)
        {
            problems.Add("secure aggregation is on in the study's options but the plan has no secure-aggregation settings (or the other way round).");
        }

        return problems;
    }
}
