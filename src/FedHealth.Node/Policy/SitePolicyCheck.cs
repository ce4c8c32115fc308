using System.Globalization;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Node.Policy;

/// <summary>
/// The pure half of a site's guard: the cost of a training instruction computed by the site itself
/// (the RDP of the Poisson-subsampled Gaussian, from the DP-SGD parameters the instruction carries and
/// the steps it asks for), and whether the site's policy allows it given what was spent so far.
/// </summary>
public static class SitePolicyCheck
{
    /// <param name="earlierAttempts">How often this round of this study was charged before (a replayed or resent round).</param>
    public static PolicyVerdict Assess(
        NodePrivacyPolicy policy, FitInstruction instruction, int trainRows, RdpCurve studySpent, RdpCurve totalSpent, DateTimeOffset at, int earlierAttempts = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(studySpent);
        ArgumentNullException.ThrowIfNull(totalSpent);
        var config = instruction.Config;
        var what = $"round {instruction.Round} of study {instruction.Study}";
        if (policy.StudyRefusal(instruction.Study) is { } notOurs)
        {
            return Refuse(notOurs);
        }

        if (earlierAttempts >= policy.MaxAttemptsPerRound)
        {
            return Refuse($"{what} was already trained {earlierAttempts} times; this site trains a round at most {policy.MaxAttemptsPerRound} times (Node:Privacy:MaxAttemptsPerRound)");
        }

        if (policy.RequireSecureAggregation && instruction.Secure is null)
        {
            return Refuse($"{what} asks for a plain round; this site requires secure aggregation (Node:Privacy:RequireSecureAggregation)");
        }

        if (Steps(config, trainRows) is not { } steps)
        {
            return Refuse($"{what} asks for batch size {config.BatchSize} with {config.LocalEpochs} local epochs: no valid number of local steps");
        }

        if (steps > policy.MaxLocalSteps)
        {
            return Refuse($"{what} asks for {steps} local steps; this site allows at most {policy.MaxLocalSteps} (Node:Training:MaxLocalSteps)");
        }

        if (config.RecordDp is not { } dp)
        {
            return policy.RequireDp
                ? Refuse($"{what} asks for training without differential privacy; this site requires DP-SGD (Node:Privacy:RequireDp)")
                : policy.HasEpsilonLimit
                    ? Refuse($"{what} asks for training without differential privacy, whose privacy loss is unbounded; this site has an ε limit")
                    : new PolicyVerdict(null, null);
        }

        if (!(dp.NoiseMultiplier > 0) || double.IsInfinity(dp.NoiseMultiplier) || !(dp.SamplingRate > 0 && dp.SamplingRate <= 1))
        {
            return Refuse($"{what} asks for DP-SGD with noise multiplier σ = {F(dp.NoiseMultiplier)} and sampling rate q = {F(dp.SamplingRate)}: σ must be > 0 and q in (0, 1]");
        }

        RdpCurve cost;
        try
        {
            cost = SubsampledGaussianRdp.Curve(dp.SamplingRate, dp.NoiseMultiplier, steps, totalSpent.Orders);
        }
        catch (ArgumentException ex)
        {
            return Refuse($"{what} asks for DP-SGD with σ = {F(dp.NoiseMultiplier)}, q = {F(dp.SamplingRate)} and {steps} steps, whose cost this site cannot compute: {ex.Message}");
        }

        var epsilon = Epsilon(cost, policy.Delta);
        var charge = new SiteCharge(instruction.Study, instruction.Round, steps, dp.NoiseMultiplier, dp.SamplingRate, epsilon, cost, at);
        var costText = $"{what} (σ = {F(dp.NoiseMultiplier)}, q = {F(dp.SamplingRate)}, {steps} steps) would cost ε = {F(epsilon)} at δ = {F(policy.Delta)}";
        if (policy.MaxEpsilonPerStudy is { } perStudy && Epsilon(studySpent.Add(cost), policy.Delta) > perStudy)
        {
            return Refuse($"{costText}; this site has spent ε = {F(Epsilon(studySpent, policy.Delta))} on the study so far and its limit is ε = {F(perStudy)} per study (Node:Privacy:MaxEpsilonPerStudy)");
        }

        if (policy.MaxEpsilon is { } total && Epsilon(totalSpent.Add(cost), policy.Delta) > total)
        {
            return Refuse($"{costText}; this site has spent ε = {F(Epsilon(totalSpent, policy.Delta))} across all studies so far and its limit is ε = {F(total)} (Node:Privacy:MaxEpsilon)");
        }

        return new PolicyVerdict(null, charge);
    }

    /// <summary>The ε of a composed curve; 0 for a curve with nothing spent.</summary>
    public static double Epsilon(RdpCurve curve, double delta)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return curve.Values.All(v => v == 0) ? 0 : Math.Max(0, curve.ToEpsilon(delta).Epsilon);
    }

    /// <summary>The optimizer steps the instruction asks of a site with <paramref name="rows"/> rows (in 64 bits: no overflow); null when it names none.</summary>
    public static long? Steps(FitConfig config, int rows)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.LocalSteps > 0)
        {
            return config.LocalSteps;
        }

        if (config.LocalEpochs <= 0 || config.BatchSize <= 0)
        {
            return null;
        }

        return config.LocalEpochs * Math.Max(1L, (rows + (long)config.BatchSize - 1) / config.BatchSize);
    }

    private static PolicyVerdict Refuse(string reason) => new(reason, null);

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
