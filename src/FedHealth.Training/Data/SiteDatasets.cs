using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Partitioning;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Data.Synthetic;
using FedHealth.Training.Runtime;

namespace FedHealth.Training.Data;

/// <summary>
/// The entry point for composition: per-site train/test rows, split and preprocessed, from a CSV
/// file or from the synthetic cohort.
/// </summary>
public static class SiteDatasets
{
    /// <summary>The fewest rows a site needs to be split into training and test rows.</summary>
    public const int MinimumRowsToSplit = 4;

    /// <summary>
    /// Loads a CSV file. Sites come from <see cref="CsvOptions.SiteColumn"/>, or, for a file without
    /// one, from a Dirichlet label-skew partition into <paramref name="sites"/> sites (α =
    /// <paramref name="dirichletAlpha"/>, default <see cref="DirichletPartitionOptions.DefaultAlpha"/>).
    /// Rows are split by <see cref="CsvOptions.SplitColumn"/> if given, else by a stratified split
    /// with <paramref name="testFraction"/>; <paramref name="splitSeed"/> seeds both random steps.
    /// </summary>
    /// <exception cref="DataValidationException">The file or a site's rows cannot be used.</exception>
    public static PreparedDataset FromCsv(
        string path,
        CsvOptions options,
        int splitSeed = 0,
        double testFraction = StratifiedSplit.DefaultTestFraction,
        int? sites = null,
        double? dirichletAlpha = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SiteColumn is not null && (sites is not null || dirichletAlpha is not null))
        {
            throw new ArgumentException("The file has a site column; a partition into sites only applies to files without one.", nameof(sites));
        }

        if (sites is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sites), sites, "At least one site is needed.");
        }

        if (sites is null && dirichletAlpha is not null)
        {
            throw new ArgumentException("A Dirichlet alpha needs a number of sites to partition into.", nameof(dirichletAlpha));
        }

        var raw = CsvDatasetLoader.Load(path, options);
        if (sites is > 1)
        {
            raw = Partition(raw, new DirichletPartitionOptions(sites.Value, dirichletAlpha ?? DirichletPartitionOptions.DefaultAlpha), splitSeed);
        }

        return Prepare(raw, splitSeed, testFraction, options.AllowSingleClassSites);
    }

    /// <summary>The built-in synthetic cohort of <paramref name="sites"/> hospitals (see docs/synthetic-cohort.md).</summary>
    public static PreparedDataset Synthetic(int seed, int sites = SyntheticCohortGenerator.DefaultSites) =>
        Prepare(SyntheticCohortGenerator.Generate(seed, sites), seed, StratifiedSplit.DefaultTestFraction);

    /// <summary>
    /// Splits sites that have no given split, checks every site can train (with both classes in
    /// its training rows unless <paramref name="allowSingleClassSites"/>), and preprocesses each
    /// site with its own training statistics over a layout shared by all sites.
    /// </summary>
    public static PreparedDataset Prepare(RawDataset raw, int splitSeed, double testFraction, bool allowSingleClassSites = false) =>
        Prepare(raw, splitSeed, testFraction, allowSingleClassSites, (layout, parts) =>
            parts.Select(p => Transform(p, Preprocessor.Fit(p.Train, layout))).ToList());

    /// <summary>
    /// As <see cref="Prepare"/>, but every site imputes and standardises with the same statistics,
    /// pooled over all sites' training rows exactly as the secure sum computes them: each site's
    /// <see cref="SufficientStatistics"/> encoded with <paramref name="encoding"/> (default
    /// <see cref="StatisticsEncoding"/>()), summed mod 2^m and decoded (docs/data.md, "Federated statistics").
    /// </summary>
    /// <exception cref="StatisticsOverflowException">A site's statistics do not fit the encoding.</exception>
    public static PreparedDataset PreparePooled(
        RawDataset raw, int splitSeed, double testFraction, bool allowSingleClassSites = false, StatisticsEncoding? encoding = null) =>
        Prepare(raw, splitSeed, testFraction, allowSingleClassSites, (layout, parts) =>
        {
            var pooled = (encoding ?? new StatisticsEncoding()).Pool(
                [.. parts.Select(p => SufficientStatistics.FromTraining(p.Train, layout))]);
            var statistics = PooledFeatureStatistics.From(pooled, layout);
            var shared = Preprocessor.FromStatistics(layout, statistics);
            return parts.Select(p => Transform(p, shared)).ToList();
        });

    /// <summary>
    /// One site's raw training and test rows, imputed, given indicators and standardised with
    /// <paramref name="statistics"/> obtained elsewhere (e.g. decoded from the pooled secure sum).
    /// </summary>
    public static SiteData Preprocess(SiteData split, FeatureLayout layout, FeatureStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Transform(split, Preprocessor.FromStatistics(layout, statistics));
    }

    private static SiteData Transform(SiteData split, Preprocessor preprocessor) =>
        new(split.Site, preprocessor.Transform(split.Train), preprocessor.Transform(split.Test));

    private static PreparedDataset Prepare(
        RawDataset raw,
        int splitSeed,
        double testFraction,
        bool allowSingleClassSites,
        Func<FeatureLayout, IReadOnlyList<SiteData>, IReadOnlyList<SiteData>> preprocess)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var parts = raw.Sites.Select(site => SiteSplitter.Split(raw, site, splitSeed, testFraction, allowSingleClassSites)).ToList();
        var layout = FeatureLayout.FromSites(parts.Select(p => p.Train));
        var prepared = preprocess(layout, parts);
        var summaries = parts.Select(p => new SiteSummary(
            p.Site, p.Train.Rows, p.Test.Rows, Prevalence(p.Train), Prevalence(p.Test))).ToList();
        return new PreparedDataset(prepared, new DatasetDescription(raw.Source, layout.OutputNames, summaries))
        {
            Pooling = parts.Select(p => new PooledSitePreprocessing(p, layout)).ToList(),
        };
    }

    private static RawDataset Partition(RawDataset raw, DirichletPartitionOptions options, int seed)
    {
        var pool = raw.Sites.Single();
        IReadOnlyList<int[]> assignment;
        try
        {
            assignment = DirichletPartitioner.Partition(pool.Rows.Labels, options, Seeds.Derive(seed, "dirichlet"));
        }
        catch (DataValidationException e)
        {
            throw new DataValidationException(e.Problem, raw.Source, raw.LabelColumn);
        }

        var sites = assignment.Select((rows, s) => pool.Subset(new SiteId($"site-{s + 1}"), rows)).ToList();
        return raw with { Sites = sites };
    }

    private static double Prevalence(TabularData data) => data.Rows == 0 ? double.NaN : (double)data.Positives / data.Rows;
}
