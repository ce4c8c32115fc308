using FedHealth.Core.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Partitioning;
using FedHealth.Training.Runtime;

namespace FedHealth.Training.Data;

/// <summary>
/// One site's raw rows to training and test rows (the given split, or a seeded stratified one),
/// with the checks that make a site usable, reported against the source file.
/// </summary>
public static class SiteSplitter
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

        // A site whose training rows happen to share one label still helps a federation (it is
        // real: one FLamby center's training rows are all positive), so only a site with a single
        // class in all of its rows is refused: it can neither learn nor be scored by AUC.
        var all = site.Rows;
        if (!allowSingleClass && (all.Positives == 0 || all.Positives == all.Rows))
        {
            throw new DataValidationException(
                $"Every row of site '{site.Site}' has label {all.Labels[0]} ({all.Rows} rows); a site needs both " +
                $"classes (set {nameof(CsvOptions.AllowSingleClassSites)} to use it anyway).",
                raw.Source, raw.LabelColumn, site.FirstLine);
        }

        return new SiteData(site.Site, train, test);
    }
}
