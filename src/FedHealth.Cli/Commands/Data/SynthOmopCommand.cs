using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Data.Omop.Synthetic;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Data;

/// <summary>
/// <c>fedhealth data synth-omop</c>: the synthetic sites of <c>data synth-fhir</c> (same seed, same
/// patients) as OMOP CDM CSV tables, one folder per site (site-N/person.csv, …), and each site's CSV twin.
/// </summary>
internal static class SynthOmopCommand
{
    public static Command Create()
    {
        var sites = new Option<int>("--sites") { Description = "Number of sites", DefaultValueFactory = _ => 3 };
        var patients = new Option<int>("--patients") { Description = "Patients per site", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed (the same as synth-fhir's gives the same patients)", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write into", DefaultValueFactory = _ => Path.Combine("data", "omop") };
        var command = new Command("synth-omop", "Write synthetic sites as OMOP CDM CSV tables (a folder per site) and their CSV twins")
        {
            sites, patients, seed, output,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var generated = SyntheticSites.Generate(parse.GetValue(sites), parse.GetValue(patients), parse.GetValue(seed));
            var folder = parse.GetValue(output)!;
            foreach (var site in generated)
            {
                var path = Path.Combine(folder, site.Name);
                OmopCsvTables.Write(SyntheticOmop.FromBundle(site.Bundle), path);
                File.WriteAllText(Path.Combine(folder, site.Name + ".csv"), site.CsvTwin);
                Terminal.Results.WriteLine(path);
            }

            Terminal.Err.MarkupLine(Markup.Escape($"wrote {generated.Count} sites as OMOP CSV tables and their CSV twins (site-N.csv); load them with: fedhealth data load-omop --connection-variable VAR {folder}"));
            return System.Threading.Tasks.Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }
}
