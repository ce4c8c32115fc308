using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Privacy.Central;
using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.Coordinator.Privacy;

/// <summary>
/// Differential privacy as a decorator around any strategy (Flower's DifferentialPrivacy*Clipping
/// wrappers). Record-level: the fit configuration asks every site for DP-SGD. Site-level (central,
/// for when secure aggregation is off): every site's update Δ = w_site − w_global is clipped to L2
/// norm C, the clipped updates are averaged with equal weights (so one site's influence is bounded
/// by C), and Gaussian noise σ·C is added to their sum before it is released. With adaptive
/// clipping, C follows the median update norm: the count of sites under C is released with noise
/// σ_b and the update noise is raised to σ_Δ = (σ⁻² − (2σ_b)⁻²)^(-1/2), so the pair of releases
/// costs exactly one Gaussian mechanism of multiplier σ and the accounting is unchanged.
/// The noised mean is handed to the inner strategy as a secure sum would be, so a server optimiser
/// (FedAdam, FedAvgM, …) steps on the already private mean: its step is post-processing. A strategy
/// that needs individual updates (median, Krum) cannot take a mean and is refused under site-level DP.
/// </summary>
public sealed class DifferentialPrivacyStrategy(IStrategy inner, PrivacyOptions options, Func<IRandomSource> randomness) : ISecureSumStrategy, Strategies.IServerStatefulStrategy
{
    private readonly IStrategy _inner = inner is null
        ? throw new ArgumentNullException(nameof(inner))
        : options.SiteLevel && inner is not ISecureSumStrategy
        ? throw new ArgumentException(
            $"Site-level DP releases a noised mean of the clipped updates, and the strategy {inner.Name} does not aggregate from a mean.", nameof(inner))
        : inner;

    private readonly AdaptiveClipping? _adaptive = options.SiteLevel && options.AdaptiveSiteClip
        ? new AdaptiveClipping(new AdaptiveClippingOptions(options.SiteClip))
        : null;

    /// <summary>The clip the next site-level aggregation uses.</summary>
    public double CurrentSiteClip => _adaptive?.Clip ?? options.SiteClip;

    public Aggregation.ServerOptimizerState? ServerState => (_inner as Strategies.IServerStatefulStrategy)?.ServerState;

    public void RestoreServerState(Aggregation.ServerOptimizerState state) => (_inner as Strategies.IServerStatefulStrategy)?.RestoreServerState(state);

    public string Name => $"{_inner.Name}+dp-{options.Mode.ToString().ToLowerInvariant()}";

    public FitPlan ConfigureFit(RoundContext round, ModelWeights global)
    {
        var plan = _inner.ConfigureFit(round, global);
        return options.RecordLevel
            ? plan with { Config = plan.Config with { RecordDp = new DpSgdConfig(options.RecordNoiseMultiplier, options.RecordClip, options.RecordSamplingRate) } }
            : plan;
    }

    public AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(failures);
        if (!options.SiteLevel)
        {
            // Under record-level DP the example counts are not protected, so they must not
            // weight the mean: every site counts the same.
            return options.RecordLevel
                ? _inner.AggregateFit(round, global, results.Select(r => r with { NumExamples = 1 }).ToList(), failures)
                : _inner.AggregateFit(round, global, results, failures);
        }

        if (results.Count == 0)
        {
            return new AggregateFitOutcome(global, Updated: false, TrainLoss: double.NaN);
        }

        var deltas = results.Select(r => (ReadOnlyMemory<float>)WeightVectors.Difference(r.Weights.Flat, global.Flat)).ToList();

        // The denominator is fixed by the plan (everyone asked), not by who answered, so the
        // number of survivors is not released through the scale of the update.
        var planned = results.Count + failures.Count(f => f.Stage == nameof(Core.Protocol.ProtocolStage.Fit));
        var random = randomness();
        float[] mean;
        try
        {
            var clip = CurrentSiteClip;
            var noise = options.SiteNoiseMultiplier;
            if (_adaptive is not null)
            {
                // σ_b large enough for σ_Δ to exist; the paper's m/20 when that is larger.
                var indicatorNoise = Math.Max(planned / 20.0, options.SiteNoiseMultiplier);
                noise = AdaptiveClipping.UpdateNoiseMultiplier(options.SiteNoiseMultiplier, indicatorNoise);
                var under = deltas.Count(d => _adaptive.Indicator(L2Clipping.Norm(d.Span)));
                mean = CentralGaussianMechanism.NoisyMean(deltas, clip, noise, planned, random);
                _adaptive.UpdateFromNoisySum(under + new GaussianSampler(random).Next(indicatorNoise), planned);
            }
            else
            {
                mean = CentralGaussianMechanism.NoisyMean(deltas, clip, noise, planned, random);
            }
        }
        finally
        {
            (random as IDisposable)?.Dispose();
        }

        // Every site weighs 1 (the mean above is over the planned count); the inner strategy turns
        // the noised mean into the next model exactly as it would a secure sum.
        var released = new SecureSum(mean, planned, results.Select(r => r.Site).ToList());
        var outcome = ((ISecureSumStrategy)_inner).AggregateSecureSum(round, global, released);
        var losses = results.Where(r => double.IsFinite(r.TrainLoss)).ToList();
        return outcome with { TrainLoss = losses.Count == 0 ? double.NaN : losses.Average(r => r.TrainLoss) };
    }

    /// <summary>
    /// Record-level DP composes with secure aggregation as it is (the sites weigh themselves 1).
    /// Site-level DP under secure aggregation is distributed DP: the sites clipped their updates and
    /// added their shares of the noise before masking (the round's <c>DistributedDpSpec</c>), so the
    /// released mean already carries it and is used as it is. Adaptive clipping would need a second
    /// noised secure sum and is refused.
    /// </summary>
    public AggregateFitOutcome AggregateSecureSum(RoundContext round, ModelWeights global, SecureSum sum)
    {
        if (_adaptive is not null)
        {
            throw new InvalidOperationException("Adaptive clipping is not available under secure aggregation; use a fixed site-level clip.");
        }

        return _inner is ISecureSumStrategy secure
            ? secure.AggregateSecureSum(round, global, sum)
            : throw new InvalidOperationException($"The strategy {_inner.Name} cannot aggregate a secure sum.");
    }

    public EvaluatePlan ConfigureEvaluate(RoundContext round, ModelWeights global) => _inner.ConfigureEvaluate(round, global);

    public AggregateEvaluateOutcome AggregateEvaluate(RoundContext round, IReadOnlyList<EvaluateResult> results, IReadOnlyList<SiteFailure> failures) =>
        _inner.AggregateEvaluate(round, results, failures);
}
