namespace FedHealth.Models.Manifests;

/// <summary>
/// How rows were imputed and standardised before the model saw them. <c>pooled</c>: one set of
/// statistics for every site (mean imputation, from the secure sum); <c>per_site</c>: each site its
/// own (median imputation), so scoring needs the site's statistics.
/// </summary>
public sealed record PreprocessingInfo(
    string Mode,
    StatisticsInfo? Statistics,
    IReadOnlyDictionary<string, StatisticsInfo>? SiteStatistics)
{
    public const string Pooled = "pooled";

    public const string PerSite = "per_site";
}
