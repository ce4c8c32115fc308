using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Node.Policy;

namespace FedHealth.Coordinator.Tests.Node.Policy;

/// <summary>Instructions a coordinator might send, honest or not, and a strict hospital's policy.</summary>
internal static class PolicyInstructions
{
    public static readonly SecureAggregationSpec Secure = new(4, 1234.5, 1, 32, false);

    /// <summary>DP required, secure aggregation required, ε ≤ 3 per study and 5 in total at δ = 1e-5, at most 10,000 steps.</summary>
    public static readonly NodePrivacyPolicy Strict = new(5, 3, 1e-5, RequireDp: true, RequireSecureAggregation: true, MaxLocalSteps: 10_000);

    /// <summary>DP-SGD with σ, q = 0.05, 10 steps; secure unless <paramref name="secure"/> is false.</summary>
    public static FitInstruction Fit(int round, double? sigma = 1.0, int steps = 10, bool secure = true, string study = "s1") =>
        new(new(study), round, Models.Spec, Models.Weights(1, 1, 1),
            Models.Config with { LocalSteps = steps, RecordDp = sigma is { } s ? new DpSgdConfig(s, 1.0, 0.05) : null },
            secure ? Secure : null);
}
