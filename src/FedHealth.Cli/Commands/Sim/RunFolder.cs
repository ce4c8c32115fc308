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

        if (HoldsRunReason(folder, key) is { } reason)
        {
            throw new UserInputException(reason);
        }
    }

    /// <summary>
    /// With a durable state: a folder that holds a run may be used again only to resume that run's
    /// unfinished study; the study refuses a fresh start with this reason (null when the folder is new).
    /// </summary>
    public static string? HoldsRunReason(string folder, string key) =>
        File.Exists(Path.Combine(folder, ReportFile.Name)) || File.Exists(Path.Combine(folder, StudyPlan.LedgerFileName))
            ? $"{key}: '{folder}' already holds a run (report.json or {StudyPlan.LedgerFileName}) and the state holds no unfinished study to resume there; choose a new folder."
            : null;
}
