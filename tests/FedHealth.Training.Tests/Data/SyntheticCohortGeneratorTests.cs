using FedHealth.Core.Training;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Synthetic;
using FedHealth.Training.Trainer;
using Xunit.Abstractions;

namespace FedHealth.Training.Tests.Data;

public sealed class SyntheticCohortGeneratorTests(ITestOutputHelper output)
{
    [Fact]
    public void The_same_seed_gives_the_same_cohort_and_another_seed_another()
    {
        var first = SyntheticCohortGenerator.Generate(1);
        var again = SyntheticCohortGenerator.Generate(1);
        var other = SyntheticCohortGenerator.Generate(2);

        Assert.Equal(first.Sites.Select(s => s.Rows.Features), again.Sites.Select(s => s.Rows.Features));
        Assert.Equal(first.Sites.Select(s => s.IsTest), again.Sites.Select(s => s.IsTest));
        Assert.NotEqual(first.Sites[0].Rows.Features, other.Sites[0].Rows.Features);
    }

    [Fact]
    public void Hospitals_differ_in_size_prevalence_and_missingness()
    {
        var cohort = SyntheticCohortGenerator.Generate(3);

        var sizes = cohort.Sites.Select(s => s.Rows.Rows).ToList();
        var prevalence = cohort.Sites.Select(s => (double)s.Rows.Positives / s.Rows.Rows).ToList();
        var cholesterolMissing = cohort.Sites.Select(s => MissingShare(s, 3)).ToList();
        output.WriteLine($"sizes {string.Join(", ", sizes)}; prevalence {string.Join(", ", prevalence.Select(p => p.ToString("F2")))}");

        Assert.Equal(["hospital-1", "hospital-2", "hospital-3", "hospital-4"], cohort.Sites.Select(s => s.Site.Value));
        Assert.All(sizes, n => Assert.InRange(n, 150, 600));
        Assert.True(sizes.Max() - sizes.Min() >= 300, "sizes spread over the range");
        Assert.True(prevalence.Max() - prevalence.Min() > 0.15, "prevalence is non-IID");
        Assert.True(cholesterolMissing.Max() > 0.1 && cholesterolMissing.Min() < 0.05);
    }

    [Fact]
    public void Features_are_clinically_plausible_and_one_hot_chest_pain()
    {
        var cohort = SyntheticCohortGenerator.Generate(4);

        Assert.Equal(
            ["age", "sex", "systolic_bp", "cholesterol", "max_heart_rate", "bmi", "smoker", "diabetes",
             "chest_pain=asymptomatic", "chest_pain=atypical", "chest_pain=non_anginal", "chest_pain=typical"],
            cohort.FeatureNames.ToArray());
        foreach (var site in cohort.Sites)
        {
            for (var r = 0; r < site.Rows.Rows; r++)
            {
                var row = site.Rows.Row(r);
                Assert.InRange(row[0], 30, 85);
                Assert.InRange(row[2], 85, 220);
                Assert.InRange(row[4], 70, 210);
                Assert.Equal(1f, row[8..].ToArray().Sum());
            }
        }
    }

    [Fact]
    public void Logistic_regression_reaches_a_sensible_but_imperfect_accuracy()
    {
        var data = SiteDatasets.Synthetic(seed: 5);
        var trainer = new LocalTrainer();
        var spec = ModelSpec.LogisticRegression(data.Description.FeatureNames.Length);
        var config = new FitConfig(OptimizerKind.Sgd, 0.05, 8, 0, 20, 1);

        var accuracies = data.Sites.Select(site =>
        {
            var weights = trainer.Fit(spec, trainer.Initialize(spec, 1), site.Train, config).Weights;
            return trainer.Evaluate(spec, weights, site.Test).Accuracy;
        }).ToList();
        output.WriteLine($"local accuracies {string.Join(", ", accuracies.Select(a => a.ToString("F3")))}");

        Assert.InRange(accuracies.Average(), 0.72, 0.88);
    }

    private static double MissingShare(RawSite site, int column) =>
        Enumerable.Range(0, site.Rows.Rows).Count(r => float.IsNaN(site.Rows.Row(r)[column])) / (double)site.Rows.Rows;
}
