using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;

namespace FedHealth.Training.Tests.Data;

public sealed class SiteDatasetsTests
{
    private static readonly CsvOptions BySite = new("y") { SiteColumn = "site" };

    private static string[] Rows(string site, int count, Func<int, int> label, Func<int, string>? split = null) =>
        [.. Enumerable.Range(0, count).Select(i => $"{site},{i},{label(i)}" + (split is null ? string.Empty : $",{split(i)}"))];

    [Fact]
    public void Sites_are_split_preprocessed_and_described()
    {
        using var csv = TempCsv.Lines(["site,a,y", .. Rows("north", 40, i => i % 2), .. Rows("south", 20, i => i % 4 == 0 ? 1 : 0)]);

        var data = SiteDatasets.FromCsv(csv.Path, BySite, splitSeed: 3);

        Assert.Equal(["north", "south"], data.Sites.Select(s => s.Site.Value));
        Assert.Equal([(30, 10), (15, 5)], data.Description.Sites.Select(s => (s.TrainRows, s.TestRows)));
        Assert.Equal(0.5, data.Description.Sites[0].TrainPrevalence);
        Assert.Equal(["a"], data.Description.FeatureNames.ToArray());
        var trainA = data.Sites[0].Train.Features.Select(v => (double)v).ToArray();
        Assert.Equal(0, trainA.Average(), 5);
    }

    [Fact]
    public void The_same_split_seed_gives_the_same_sites_and_another_seed_another()
    {
        using var csv = TempCsv.Lines(["site,a,y", .. Rows("1", 40, i => i % 3 == 0 ? 1 : 0)]);

        var first = SiteDatasets.FromCsv(csv.Path, BySite, splitSeed: 1).Sites[0].Test.Features;

        Assert.Equal(first, SiteDatasets.FromCsv(csv.Path, BySite, splitSeed: 1).Sites[0].Test.Features);
        Assert.NotEqual(first, SiteDatasets.FromCsv(csv.Path, BySite, splitSeed: 2).Sites[0].Test.Features);
    }

    [Fact]
    public void A_site_whose_rows_all_have_one_class_is_named_with_its_first_line()
    {
        using var csv = TempCsv.Lines(["site,a,y", .. Rows("good", 10, i => i % 2), .. Rows("bad", 10, _ => 0)]);

        var error = Assert.Throws<DataValidationException>(() => SiteDatasets.FromCsv(csv.Path, BySite));

        Assert.Equal((csv.Path, "y", 12), (error.File, error.Column, error.Line));
        Assert.Contains("Every row of site 'bad' has label 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_with_too_few_rows_to_split_is_an_error()
    {
        using var csv = TempCsv.Lines(["site,a,y", .. Rows("big", 10, i => i % 2), .. Rows("tiny", 3, i => i % 2)]);

        var error = Assert.Throws<DataValidationException>(() => SiteDatasets.FromCsv(csv.Path, BySite));

        Assert.Equal(("site", 12), (error.Column, error.Line));
        Assert.Contains("'tiny' has 3 rows; at least 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_without_training_rows_in_the_given_split_is_an_error()
    {
        using var csv = TempCsv.Lines(
            ["site,a,y,part", .. Rows("1", 8, i => i % 2, i => i < 6 ? "train" : "test"), .. Rows("2", 6, i => i % 2, _ => "test")]);

        var error = Assert.Throws<DataValidationException>(() =>
            SiteDatasets.FromCsv(csv.Path, BySite with { SplitColumn = "part" }));

        Assert.Equal(("site", 10), (error.Column, error.Line));
        Assert.Contains("'2' has 0 training and 6 test rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_with_no_rows_is_an_error()
    {
        var raw = new RawDataset("hand-made", "y", "site", ["a"],
            [new RawSite(new SiteId("empty"), TabularData.Empty(["a"]), null, null)]);

        var error = Assert.Throws<DataValidationException>(() => SiteDatasets.Prepare(raw, 0, 0.25));

        Assert.Contains("'empty' has no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_sites_can_be_partitioned_with_a_dirichlet_skew()
    {
        using var csv = TempCsv.Lines(["a,y", .. Enumerable.Range(0, 400).Select(i => $"{i},{i % 3 % 2}")]);

        var data = SiteDatasets.FromCsv(csv.Path, new CsvOptions("y"), splitSeed: 2, sites: 4, dirichletAlpha: 1.0);

        Assert.Equal(["site-1", "site-2", "site-3", "site-4"], data.Sites.Select(s => s.Site.Value));
        Assert.Equal(400, data.Description.Sites.Sum(s => s.TrainRows + s.TestRows));
    }

    [Fact]
    public void Partitioning_a_file_that_has_sites_is_refused()
    {
        using var csv = TempCsv.Lines(["site,a,y", .. Rows("1", 8, i => i % 2)]);

        Assert.Throws<ArgumentException>(() => SiteDatasets.FromCsv(csv.Path, BySite, sites: 3));
    }

    [Fact]
    public void The_synthetic_cohort_comes_preprocessed_with_a_shared_layout()
    {
        var data = SiteDatasets.Synthetic(seed: 1);

        Assert.Equal(4, data.Sites.Count);
        Assert.Contains("cholesterol_missing", data.Description.FeatureNames);
        Assert.All(data.Sites, s =>
        {
            Assert.Equal(data.Description.FeatureNames.ToArray(), s.Train.FeatureNames.ToArray());
            Assert.DoesNotContain(s.Train.Features, float.IsNaN);
            Assert.DoesNotContain(s.Test.Features, float.IsNaN);
        });
    }
}
