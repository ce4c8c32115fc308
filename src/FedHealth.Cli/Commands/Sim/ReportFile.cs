using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Reporting;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>Writes report.json atomically, so a crash never leaves half a report.</summary>
internal static class ReportFile
{
    public const string Name = "report.json";

    public static string Write(string folder, JsonObject report)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Name);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, report.ToJsonString(RunReport.JsonOptions));
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--out: cannot write the report in '{folder}': {ex.Message}", ex);
        }
    }
}
