using FedHealth.Core.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Partitioning;
using FedHealth.Training.Runtime;

namespace FedHealth.Training.Data;

/// <summary>
/// One site's raw rows to training and test rows (the given split, or a seeded stratified one),
/// with the checks that make a site usable, reported against the source file.
/// </summary>
internal static class SiteSplitter
{
    public static SiteData Split(RawDataset raw, RawSite site, int splitSeed, double testFraction, bool allowSingleClass)
    {
        var where = raw.SiteColumn ?? raw.LabelColumn;
        if (site.Rows.Rows == 0)
        {
            throw new DataValidationException($"Site '{site.Site}' has no rows.", raw.Source, where);
        }

        TabularData train, test;
        if (site.HasSplit)
        {
            (train, test) = (site.TrainRows(), site.TestRows());
            if (train.Rows == 0 || test.Rows == 0)
            {
                throw new DataValidationException(
                    $"Site '{site.Site}' has {train.Rows} training and {test.Rows} test rows; it needs both.",
                    raw.Source, where, site.FirstLine);
            }
        }
        else
        {
            if (site.Rows.Rows < SiteDatasets.MinimumRowsToSplit)
            {
                throw new DataValidationException(
                    $"Site '{site.Site}' has {site.Rows.Rows} rows; at least {SiteDatasets.MinimumRowsToSplit} are needed to split it into training and test rows.",
                    raw.Source, where, site.FirstLine);
            }

            // Seeded by the site's id, not its position: adding a site does not reshuffle the others.
            var isTest = StratifiedSplit.Assign(site.Rows.Labels, testFraction, Seeds.Derive(splitSeed, $"split:{site.Site.Value}"));
            var rows = Enumerable.Range(0, site.Rows.Rows).ToList();
            (train, test) = (site.Rows.Select(rows.Where(r => !isTest[r]).ToList()), site.Rows.Select(rows.Where(r => isTest[r]).ToList()));
        }

        if (!allowSingleClass && (train.Positives == 0 || train.Positives == train.Rows))
        {
            throw new DataValidationException(
                $"The training rows of site '{site.Site}' all have label {train.Labels[0]} ({train.Rows} rows); a site needs both " +
                $"classes to train (set {nameof(CsvOptions.AllowSingleClassSites)} to train it anyway).",
                raw.Source, raw.LabelColumn, site.FirstLine);
        }

        return new SiteData(site.Site, train, test);
    }
}
