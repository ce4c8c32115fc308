namespace FedHealth.Node.Policy;

/// <summary>
/// What a hospital allows to be done with its patients, whatever the coordinator asks: the privacy
/// loss it accepts (in total across studies and per study, at its own δ), whether training must be
/// differentially private and go through secure aggregation, and how much local work one round may ask.
/// </summary>
/// <param name="MaxEpsilon">The total ε this site accepts across all studies; null for no limit.</param>
/// <param name="MaxEpsilonPerStudy">The ε this site accepts in one study; null for no limit.</param>
/// <param name="Delta">The δ at which this site converts its RDP ledger to ε (<c>Node:Privacy:MaxDelta</c>).</param>
/// <param name="RequireDp">Refuse training without record-level DP-SGD.</param>
/// <param name="RequireSecureAggregation">Refuse a plain round: the update is only ever sent masked.</param>
/// <param name="MaxLocalSteps">The most optimizer steps one round may ask of this site.</param>
public sealed record NodePrivacyPolicy(
    double? MaxEpsilon, double? MaxEpsilonPerStudy, double Delta, bool RequireDp, bool RequireSecureAggregation, long MaxLocalSteps)
{
    public const double DefaultDelta = 1e-5;

    public const long DefaultMaxLocalSteps = 10_000;

    /// <summary>One training and one retry of a round (a coordinator that recovered from a crash resends its round).</summary>
    public const int DefaultMaxAttemptsPerRound = 2;

    /// <summary>The studies this site takes part in (<c>Node:Privacy:Studies</c>); null or empty for any study.</summary>
    public IReadOnlySet<string>? Studies { get; init; }

    /// <summary>How often the same round of a study may be trained; each time is charged (<c>Node:Privacy:MaxAttemptsPerRound</c>).</summary>
    public int MaxAttemptsPerRound { get; init; } = DefaultMaxAttemptsPerRound;

    /// <summary>The simulator's sites: they accept what the study asks.</summary>
    public static NodePrivacyPolicy Permissive { get; } = new(null, null, DefaultDelta, false, false, long.MaxValue) { MaxAttemptsPerRound = int.MaxValue };

    /// <summary>Null when this site takes part in <paramref name="study"/>; otherwise the reason.</summary>
    public string? StudyRefusal(Core.Ids.StudyId study) =>
        Studies is { Count: > 0 } studies && !studies.Contains(study.Value)
            ? $"study {study} is not one this site takes part in (Node:Privacy:Studies)"
            : null;

    /// <summary>For the start-up line: every setting, the studies by name.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"MaxEpsilon = {MaxEpsilon}, MaxEpsilonPerStudy = {MaxEpsilonPerStudy}, Delta = {Delta}, RequireDp = {RequireDp}, RequireSecureAggregation = {RequireSecureAggregation}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"MaxLocalSteps = {MaxLocalSteps}, MaxAttemptsPerRound = {MaxAttemptsPerRound}, Studies = {(Studies is { Count: > 0 } s ? string.Join(", ", s.Order(StringComparer.Ordinal)) : "any")}");
        return true;
    }

    /// <summary>Whether an instruction without DP could still be within this policy (no ε limit is set).</summary>
    public bool HasEpsilonLimit => MaxEpsilon is not null || MaxEpsilonPerStudy is not null;
}
