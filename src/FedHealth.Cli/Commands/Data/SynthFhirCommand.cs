using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using Hl7.Fhir.Model;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Data;

/// <summary>
/// <c>fedhealth data synth-fhir</c>: seeded synthetic FHIR R4 sites (a Bundle or NDJSON files per
/// site), the mapping that reads them, and each site's CSV twin of the same patients.
/// </summary>
internal static class SynthFhirCommand
{
    public static Command Create()
    {
        var sites = new Option<int>("--sites") { Description = "Number of sites", DefaultValueFactory = _ => 3 };
        var patients = new Option<int>("--patients") { Description = "Patients per site", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed (the same seed gives the same files)", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write into", DefaultValueFactory = _ => Path.Combine("data", "fhir") };
        var format = new Option<string>("--format") { Description = "bundle (site-N.json) or ndjson (site-N/<Type>.ndjson, as a bulk export)", DefaultValueFactory = _ => "bundle" };
        format.AcceptOnlyFromAmong("bundle", "ndjson");
        var command = new Command("synth-fhir", "Write synthetic FHIR R4 sites with per-site coding differences, their mapping and CSV twins")
        {
            sites, patients, seed, output, format,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var generated = SyntheticSites.Generate(parse.GetValue(sites), parse.GetValue(patients), parse.GetValue(seed));
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "mapping.json"), SyntheticFhirMapping.Create().ToJson());
            foreach (var site in generated)
            {
                var path = parse.GetValue(format) == "ndjson" ? WriteNdjson(folder, site) : WriteBundle(folder, site);
                File.WriteAllText(Path.Combine(folder, site.Name + ".csv"), site.CsvTwin);
                Terminal.Results.WriteLine(path);
            }

            Terminal.Err.MarkupLine(Markup.Escape($"wrote {generated.Count} sites of {parse.GetValue(patients)} patients, {Path.Combine(folder, "mapping.json")} and the CSV twins (site-N.csv)"));
            return System.Threading.Tasks.Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static string WriteBundle(string folder, SyntheticFhirSite site)
    {
        var path = Path.Combine(folder, site.Name + ".json");
        File.WriteAllText(path, FhirResourceFiles.Serialize(site.Bundle, pretty: true));
        return path;
    }

    private static string WriteNdjson(string folder, SyntheticFhirSite site)
    {
        var path = Path.Combine(folder, site.Name);
        Directory.CreateDirectory(path);
        foreach (var type in site.Bundle.Entry.Select(e => e.Resource).OfType<Resource>().GroupBy(r => r.TypeName))
        {
            File.WriteAllLines(Path.Combine(path, type.Key + ".ndjson"), type.Select(r => FhirResourceFiles.Serialize(r)));
        }

        return path;
    }
}
