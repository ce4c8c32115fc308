using FedHealth.Core.Data;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

/// <summary>FLamby's Fed-Heart-Disease training rows, one site per center (../shared/data/README).</summary>
public sealed class HeartDiseasePooledStatisticsTests
{
    private static readonly CsvOptions Flamby = new("target")
    {
        SiteColumn = "center",
        SplitColumn = "flamby_split",
        AllowSingleClassSites = true,
    };

    private static RawDataset Load() =>
        CsvDatasetLoader.Load(RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv"), Flamby);

    [Fact]
    public void The_four_centers_encodings_sum_to_the_statistics_of_all_their_training_rows()
    {
        var centers = Load().Sites.Select(s => s.TrainRows()).ToList();
        var layout = FeatureLayout.FromSites(centers);
        var encoding = new StatisticsEncoding();

        var sum = PooledReference.ModularSum(centers.Select(c => encoding.Encode(SufficientStatistics.FromTraining(c, layout))), encoding.ModulusBits);
        var pooled = encoding.Decode(sum);

        var all = PooledReference.Concatenate(centers);
        var together = SufficientStatistics.FromTraining(all, layout);
        Assert.Equal(486, pooled.Rows);
        Assert.Equal(together.Columns.Select(c => c.Observed), pooled.Columns.Select(c => c.Observed));
        var step = 4 * Math.ScaleB(1, -encoding.FractionBits - 1);
        Assert.All(pooled.Columns.Zip(together.Columns), p =>
        {
            Assert.InRange(p.First.Sum - p.Second.Sum, -step, step);
            Assert.InRange(p.First.SumOfSquares - p.Second.SumOfSquares, -step, step);
        });

        // The file has no gaps, so the median imputation of FromTraining never applies and it is a
        // reference for the standardisation computed on all rows at once.
        var statistics = PooledFeatureStatistics.From(pooled, layout);
        PooledReference.Equal(FeatureStatistics.FromTraining(all, layout) with { ImputationValues = statistics.ImputationValues }, statistics, 1e-6);
        PooledReference.Equal(PooledReference.Statistics(centers, layout), statistics, 1e-6);
    }

    [Fact]
    public void Pooled_preparation_standardises_every_center_with_the_same_statistics()
    {
        var raw = Load();

        var perSite = SiteDatasets.Prepare(raw, splitSeed: 0, testFraction: 0.25, allowSingleClassSites: true);
        var pooled = SiteDatasets.PreparePooled(raw, splitSeed: 0, testFraction: 0.25, allowSingleClassSites: true);

        Assert.Equal(perSite.Description.FeatureNames.ToArray(), pooled.Description.FeatureNames.ToArray());
        Assert.Equal(perSite.Description.Sites, pooled.Description.Sites);
        var chol = pooled.Description.FeatureNames.IndexOf("chol");
        var together = PooledReference.Concatenate([.. pooled.Sites.Select(s => s.Train)]);
        Assert.Equal(0, ColumnMean(together, chol), 5);
        Assert.All(perSite.Sites, s => Assert.Equal(0, ColumnMean(s.Train, chol), 5));

        // Zurich/Basel records chol = 0 for most patients: centred on its own it hides that; pooled it shows.
        Assert.True(ColumnMean(pooled.Sites[2].Train, chol) < -1, $"{ColumnMean(pooled.Sites[2].Train, chol)}");
    }

    [Fact]
    public void Each_center_preparing_from_the_secure_sum_of_the_encodings_gets_what_pooled_preparation_gives()
    {
        var raw = Load();
        var central = SiteDatasets.PreparePooled(raw, splitSeed: 0, testFraction: 0.25, allowSingleClassSites: true);
        var sites = SiteDatasets.Prepare(raw, splitSeed: 0, testFraction: 0.25, allowSingleClassSites: true).Pooling;

        var sum = PooledReference.ModularSum(sites.Select(s => s.EncodeStatistics(64)), 64);
        var prepared = sites.Select(s => s.Prepare(sum, 64)).ToList();

        Assert.All(sites, s => Assert.Equal(sum.Length, s.StatisticsLength));
        for (var i = 0; i < prepared.Count; i++)
        {
            Assert.Equal(central.Sites[i].Site, prepared[i].Site);
            Assert.Equal(central.Sites[i].Train.Row(0).ToArray(), prepared[i].Train.Row(0).ToArray());
            Assert.Equal(central.Sites[i].Test.Row(0).ToArray(), prepared[i].Test.Row(0).ToArray());
        }
    }

    private static double ColumnMean(TabularData data, int column) =>
        Enumerable.Range(0, data.Rows).Average(r => (double)data.Row(r)[column]);
}
