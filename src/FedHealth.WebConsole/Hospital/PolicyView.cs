using FedHealth.Node.Policy;

namespace FedHealth.WebConsole.Hospital;

/// <summary>The site's own privacy policy, as its console shows it.</summary>
public sealed record PolicyView(double? MaxEpsilon, double? MaxEpsilonPerStudy, double Delta, bool RequireDp, bool RequireSecureAggregation, long? MaxLocalSteps)
{
    public static PolicyView Of(NodePrivacyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.MaxEpsilon, policy.MaxEpsilonPerStudy, policy.Delta, policy.RequireDp, policy.RequireSecureAggregation,
            policy.MaxLocalSteps == long.MaxValue ? null : policy.MaxLocalSteps);
    }
}
