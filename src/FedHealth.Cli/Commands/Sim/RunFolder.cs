using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>The folder of one run's report.json and privacy ledger.</summary>
internal static class RunFolder
{
    /// <summary>Never overwrite an earlier run's report or privacy ledger.</summary>
    public static void EnsureNew(string folder, string key)
    {
        if (File.Exists(folder))
        {
            throw new UserInputException($"{key}: '{folder}' is a file; name a folder for the run's report and ledger.");
        }

        if (File.Exists(Path.Combine(folder, ReportFile.Name)) || File.Exists(Path.Combine(folder, StudyPlan.LedgerFileName)))
        {
            throw new UserInputException($"{key}: '{folder}' already holds a run (report.json or {StudyPlan.LedgerFileName}); choose a new folder.");
        }
    }
}
