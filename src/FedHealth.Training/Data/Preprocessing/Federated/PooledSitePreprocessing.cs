using FedHealth.Core.Data;
using FedHealth.Core.Ids;

namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// One site's side of the secure federated statistics: its raw (split, not yet imputed or
/// standardised) rows and the consortium's column layout. It encodes its own sufficient
/// statistics for the secure sum and, once the pooled sum arrives, imputes and standardises its
/// training and test rows exactly as every other site does.
/// </summary>
public sealed class PooledSitePreprocessing : IPooledPreprocessing
{
    private readonly SiteData _raw;
    private readonly FeatureLayout _layout;
    private readonly int _fractionBits;
    private readonly int _maxSites;

    public PooledSitePreprocessing(
        SiteData raw,
        FeatureLayout layout,
        int fractionBits = StatisticsEncoding.DefaultFractionBits,
        int maxSites = StatisticsEncoding.DefaultMaxSites)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(layout);
        LayoutCheck.Inputs(raw.Train, layout, nameof(raw));
        _raw = raw;
        _layout = layout;
        _fractionBits = fractionBits;
        _maxSites = maxSites;
    }

    public SiteId Site => _raw.Site;

    /// <summary>The consortium's column layout: the raw inputs every site must have and the columns given a missing-value indicator.</summary>
    public FeatureLayout Layout => _layout;

    /// <summary>The site's training and test rows as split, before imputation and standardisation (missing values are NaN).</summary>
    public SiteData RawSplit => _raw;

    public int StatisticsLength => StatisticsEncoding.Length(_layout.InputNames.Length);

    public ulong[] EncodeStatistics(int modulusBits) =>
        Encoding(modulusBits).Encode(SufficientStatistics.FromTraining(_raw.Train, _layout));

    public SiteData Prepare(ReadOnlySpan<ulong> pooledSum, int modulusBits)
    {
        var pooled = Encoding(modulusBits).Decode(pooledSum);
        return SiteDatasets.Preprocess(_raw, _layout, PooledFeatureStatistics.From(pooled, _layout));
    }

    public SiteData PrepareWithOwnStatistics() =>
        SiteDatasets.Preprocess(_raw, _layout, FeatureStatistics.FromTraining(_raw.Train, _layout));

    private StatisticsEncoding Encoding(int modulusBits) => new(modulusBits, _fractionBits, _maxSites);
}
