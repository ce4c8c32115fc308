using FedHealth.Core.Training;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using Xunit.Abstractions;

namespace FedHealth.Training.Tests.Data;

/// <summary>The real public datasets in ../shared/data (see its README).</summary>
public sealed class ReferenceDataTests(ITestOutputHelper output)
{
    // FLamby's split leaves Zurich/Basel (center 2) with positives only in its training rows.
    private static readonly CsvOptions Flamby = new("target")
    {
        SiteColumn = "center",
        SplitColumn = "flamby_split",
        AllowSingleClassSites = true,
    };

    [Fact]
    public void Fed_heart_disease_loads_with_the_flamby_split_of_every_center()
    {
        var path = RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv");

        var data = SiteDatasets.FromCsv(path, Flamby);

        Assert.Equal(["0", "1", "2", "3"], data.Sites.Select(s => s.Site.Value));
        Assert.Equal([(199, 104), (172, 89), (30, 16), (85, 45)], data.Description.Sites.Select(s => (s.TrainRows, s.TestRows)));
        Assert.Equal(13, data.Description.FeatureNames.Length);
        Assert.Equal(1.0, data.Description.Sites[2].TrainPrevalence);
    }

    [Fact]
    public void Fed_heart_disease_loads_without_the_opt_in_although_one_center_trains_on_one_class()
    {
        var path = RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv");

        var data = SiteDatasets.FromCsv(path, Flamby with { AllowSingleClassSites = false });

        var zurich = data.Sites.Single(s => s.Site.Value == "2");
        Assert.Equal(zurich.Train.Rows, zurich.Train.Positives);
        Assert.True(zurich.Test.Positives < zurich.Test.Rows);
    }

    [Fact]
    public void Local_logistic_regression_on_cleveland_reaches_70_percent_test_accuracy()
    {
        var cleveland = SiteDatasets.FromCsv(RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv"), Flamby).Sites[0];
        var trainer = new LocalTrainer();
        var spec = ModelSpec.LogisticRegression(cleveland.Train.Columns);

        var fitted = trainer.Fit(spec, trainer.Initialize(spec, 42), cleveland.Train, new FitConfig(OptimizerKind.Sgd, 0.01, 4, 0, 20, 42));
        var outcome = trainer.Evaluate(spec, fitted.Weights, cleveland.Test);
        output.WriteLine($"Cleveland test accuracy {outcome.Accuracy:F4}, AUC {outcome.Auc:F4}, loss {outcome.Loss:F4}");

        Assert.True(outcome.Accuracy >= 0.70, $"accuracy {outcome.Accuracy}");
    }

    [Fact]
    public void The_raw_four_center_file_loads_with_categories_and_missing_value_indicators()
    {
        var path = RepositoryPaths.SharedData("heart-disease", "heart_disease_4centers.csv");
        var options = new CsvOptions("target") { SiteColumn = "center", CategoricalColumns = ["cp", "restecg", "slope", "thal"] };

        var data = SiteDatasets.FromCsv(path, options, splitSeed: 1);

        Assert.Equal(920, data.Description.Sites.Sum(s => s.TrainRows + s.TestRows));
        Assert.Contains("cp=4", data.Description.FeatureNames);
        Assert.Contains("ca_missing", data.Description.FeatureNames);
        Assert.All(data.Sites, s => Assert.DoesNotContain(s.Train.Features, float.IsNaN));
    }

    [Fact]
    public void Breast_cancer_is_partitioned_into_skewed_sites()
    {
        var path = RepositoryPaths.SharedData("breast-cancer", "breast_cancer_wisconsin.csv");

        var data = SiteDatasets.FromCsv(path, new CsvOptions("malignant"), splitSeed: 1, sites: 4, dirichletAlpha: 0.3);

        Assert.Equal(569, data.Description.Sites.Sum(s => s.TrainRows + s.TestRows));
        Assert.Equal(30, data.Description.FeatureNames.Length);
        var prevalence = data.Description.Sites.Select(s => s.TrainPrevalence).ToList();
        Assert.True(prevalence.Max() - prevalence.Min() > 0.2, string.Join(", ", prevalence));
    }
}
