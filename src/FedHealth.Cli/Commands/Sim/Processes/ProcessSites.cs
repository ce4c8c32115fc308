using System.Text;
using FedHealth.Cli.Console;
using FedHealth.Pki.Identity;
using FedHealth.Simulation.Processes;
using FedHealth.Training.Data;

namespace FedHealth.Cli.Commands.Sim.Processes;

/// <summary>
/// Which node reads which rows, so that every node sees what its site sees in <c>sim</c>:
/// synthetic data by its index in the cohort; a CSV with a site column from the same file with
/// <c>SiteColumn</c>/<c>SiteValue</c>; otherwise (a partitioned file, or columns that <c>sim</c>
/// one-hot encodes, which the consortium schema cannot describe) one CSV per site, written here
/// with the rows and the train/test split <c>sim</c> made.
/// </summary>
internal static class ProcessSites
{
    public static IReadOnlyList<FederationSite> For(SimSettings settings, PreparedDataset dataset, string dataFolder)
    {
        var ids = dataset.Description.Sites.Select(s => s.Site.Value).ToList();
        foreach (var id in ids)
        {
            CheckId(id);
        }

        if (settings.IsSynthetic)
        {
            return [.. ids.Select((id, i) => new FederationSite(id, new SyntheticSiteData(settings.Seed, ids.Count, i)))];
        }

        var layout = dataset.Pooling[0].Layout;
        if (settings.SiteColumn is not null && AllInHeader(settings.Data, layout.InputNames))
        {
            return [.. ids.Select(id => new FederationSite(id, new CsvSiteData(settings.Data)
            {
                SiteColumn = settings.SiteColumn,
                SiteValue = id,
                SplitColumn = settings.SplitColumn,
                TestFraction = settings.TestFraction,
                Seed = settings.Seed,
            }))];
        }

        Directory.CreateDirectory(dataFolder);
        var label = settings.Label!;
        var split = SiteCsvFile.SplitColumnFor(layout.InputNames, label);
        return [.. dataset.Pooling.Select(site => new FederationSite(site.Site.Value, new CsvSiteData(
            SiteCsvFile.Write(Path.Combine(dataFolder, site.Site.Value + ".csv"), site.RawSplit, label, split))
        {
            SplitColumn = split,
            TestFraction = settings.TestFraction,
            Seed = settings.Seed,
        }))];
    }

    private static void CheckId(string id)
    {
        if (!PeerIds.IsValid(id) || string.Equals(id, FederationPki.CoordinatorId, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException(
                $"--processes: the site '{id}' cannot be a certificate identity (1–{PeerIds.MaxLength} letters, digits, '-', '_' or '.', " +
                "starting with a letter or digit; 'ca', 'index' and 'coordinator' are taken): rename it in the site column.");
        }
    }

    /// <summary>Whether every model input is a column of the file as it stands (nothing was one-hot encoded).</summary>
    private static bool AllInHeader(string path, IEnumerable<string> inputs)
    {
        var header = File.ReadLines(path).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (header is null)
        {
            return false;
        }

        var columns = SplitHeader(header).ToHashSet(StringComparer.Ordinal);
        return inputs.All(columns.Contains);
    }

    /// <summary>The cells of a one-line header, RFC 4180 quoting, unquoted cells trimmed (as the loader reads them).</summary>
    private static List<string> SplitHeader(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                cells.Add(wasQuoted ? cell.ToString() : cell.ToString().Trim());
                cell.Clear();
                wasQuoted = false;
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(wasQuoted ? cell.ToString() : cell.ToString().Trim());
        return cells;
    }
}
