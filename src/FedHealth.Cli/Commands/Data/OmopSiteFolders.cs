using System.Globalization;
using FedHealth.Cli.Console;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Omop.Synthetic;

namespace FedHealth.Cli.Commands.Data;

/// <summary>The site-N folders of OMOP CSV tables in a directory, by N, each read whole before anything is loaded.</summary>
internal static class OmopSiteFolders
{
    /// <exception cref="UserInputException">No such directory, no site-N folder in it, or a malformed table (naming its file, line and column).</exception>
    public static IReadOnlyList<OmopRows> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UserInputException($"load-omop: the folder '{directory}' does not exist.");
        }

        var sites = Directory.GetDirectories(directory, "site-*")
            .Select(path => (Path: path, N: int.TryParse(Path.GetFileName(path)["site-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0))
            .Where(s => s.N > 0)
            .OrderBy(s => s.N)
            .ToList();
        if (sites.Count == 0)
        {
            throw new UserInputException($"load-omop: '{directory}' has no site-N folders of OMOP CSV tables (write them with fedhealth data synth-omop --out {directory}).");
        }

        try
        {
            return sites.Select(s => OmopCsvTables.Read(s.Path)).ToList();
        }
        catch (DataValidationException ex)
        {
            throw new UserInputException($"load-omop: {ex.Message}", ex);
        }
    }
}
