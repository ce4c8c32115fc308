using FedHealth.Core.Ids;
using FedHealth.Core.Training;

namespace FedHealth.Core.Options;

/// <summary>Everything the coordinator needs to run one study. Validated before the study starts.</summary>
public sealed record StudyOptions
{
    public StudyId Study { get; init; } = new("study");

    /// <summary>Number of federated rounds (R ≥ 1).</summary>
    public int Rounds { get; init; } = 10;

    public required ModelSpec Model { get; init; }

    /// <summary>The per-round local training configuration; its seed is re-derived per round and site.</summary>
    public required FitConfig Fit { get; init; }

    /// <summary>Fraction of available sites sampled for training each round (0, 1].</summary>
    public double FractionFit { get; init; } = 1.0;

    /// <summary>At least this many sites are sampled, and must succeed, for a round to update the model.</summary>
    public int MinFitSites { get; init; } = 1;

    public double FractionEvaluate { get; init; } = 1.0;

    public int MinEvaluateSites { get; init; } = 1;

    /// <summary>The study waits for this many registered sites before round 1.</summary>
    public int MinAvailableSites { get; init; } = 1;

    public TimeSpan FitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan EvaluateTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Between rounds, how long the study waits for sites to rejoin when fewer than <see cref="MinAvailableSites"/> are connected.</summary>
    public TimeSpan RejoinTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The study ends as aborted once this many rounds in a row released nothing (too few sites, secure aggregation aborted).</summary>
    public int MaxConsecutiveAbortedRounds { get; init; } = 3;

    /// <summary>Secure aggregation of the updates; off unless set.</summary>
    public SecureAggregationOptions SecureAggregation { get; init; } = SecureAggregationOptions.Off;

    /// <summary>Pooled feature statistics by secure aggregation before round 1; null when each site uses its own.</summary>
    public FederatedStatisticsOptions? FederatedStatistics { get; init; }

    /// <summary>Differential privacy and the privacy budget; off unless set.</summary>
    public PrivacyOptions Privacy { get; init; } = PrivacyOptions.Off;

    /// <summary>Seeds model initialisation, site sampling and local training order.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Every problem with the options, in words a user can act on; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Rounds <= 0)
        {
            errors.Add($"rounds must be at least 1 (got {Rounds}).");
        }

        if (FractionFit is <= 0 or > 1 || double.IsNaN(FractionFit))
        {
            errors.Add($"the fraction of sites sampled for training must be in (0, 1] (got {FractionFit}).");
        }

        if (FractionEvaluate is <= 0 or > 1 || double.IsNaN(FractionEvaluate))
        {
            errors.Add($"the fraction of sites sampled for evaluation must be in (0, 1] (got {FractionEvaluate}).");
        }

        if (MinFitSites < 1)
        {
            errors.Add($"the minimum number of training sites must be at least 1 (got {MinFitSites}).");
        }

        if (MaxConsecutiveAbortedRounds < 1)
        {
            errors.Add($"the number of aborted rounds in a row that ends a study must be at least 1 (got {MaxConsecutiveAbortedRounds}).");
        }

        if (MinEvaluateSites < 1)
        {
            errors.Add($"the minimum number of evaluation sites must be at least 1 (got {MinEvaluateSites}).");
        }

        if (MinAvailableSites < MinFitSites)
        {
            errors.Add($"the study must wait for at least as many sites ({MinAvailableSites}) as a round needs ({MinFitSites}).");
        }

        if (Fit.LearningRate is <= 0 || double.IsNaN(Fit.LearningRate) || double.IsInfinity(Fit.LearningRate))
        {
            errors.Add($"the learning rate must be a positive number (got {Fit.LearningRate}).");
        }

        if (Fit.BatchSize < 1)
        {
            errors.Add($"the batch size must be at least 1 (got {Fit.BatchSize}).");
        }

        if ((Fit.LocalSteps > 0) == (Fit.LocalEpochs > 0) || Fit.LocalSteps < 0 || Fit.LocalEpochs < 0)
        {
            errors.Add($"give exactly one of local steps or local epochs as a positive number (got steps {Fit.LocalSteps}, epochs {Fit.LocalEpochs}).");
        }

        if (Model.InputFeatures < 1)
        {
            errors.Add($"the model needs at least one input feature (got {Model.InputFeatures}).");
        }

        if (FitTimeout <= TimeSpan.Zero || EvaluateTimeout <= TimeSpan.Zero || RegistrationTimeout <= TimeSpan.Zero)
        {
            errors.Add("timeouts must be positive.");
        }

        if (Privacy.RecordLevel && Fit.LocalSteps <= 0)
        {
            errors.Add("record-level DP counts DP-SGD steps: give local steps, not local epochs.");
        }

        if (SecureAggregation.Enabled && Privacy.SiteLevel && Privacy.AdaptiveSiteClip)
        {
            errors.Add("adaptive clipping is not available under secure aggregation (it would need a second, noised secure sum): use a fixed site-level clip, or turn secure aggregation off.");
        }

        if (FederatedStatistics is { } statistics)
        {
            if (!SecureAggregation.Enabled)
            {
                errors.Add("federated statistics are computed by secure aggregation, which is off: turn it on, or let each site normalise with its own statistics.");
            }

            if (statistics.VectorLength < 1 || statistics.ModulusBits is < 32 or > 64 || statistics.Attempts < 1)
            {
                errors.Add($"federated statistics need a vector length ≥ 1, a modulus of 2^32 … 2^64 and at least one attempt (got {statistics.VectorLength}, 2^{statistics.ModulusBits}, {statistics.Attempts}).");
            }
        }

        if (SecureAggregation.Enabled && !(SecureAggregation.ExpectedDropout >= 0 && SecureAggregation.ExpectedDropout < 1))
        {
            errors.Add($"the expected dropout rate must be in [0, 1) (got {SecureAggregation.ExpectedDropout}).");
        }

        errors.AddRange(Privacy.Validate());
        return errors;
    }
}
