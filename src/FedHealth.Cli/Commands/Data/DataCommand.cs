using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.PublicData;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Data;

/// <summary>
/// <c>fedhealth data download heart-disease</c> (real public data, checksum-verified),
/// <c>data synth-fhir</c>, <c>data synth-omop</c>, <c>data load-omop</c> and <c>data check</c>.
/// </summary>
internal static class DataCommand
{
    public static Command Create() => new("data", "Public data sets, synthetic FHIR and OMOP sites and data checks")
    {
        Download(), SynthFhirCommand.Create(), SynthOmopCommand.Create(), LoadOmopCommand.Create(), DataCheckCommand.Create(),
    };

    private static Command Download()
    {
        var dataset = new Argument<string>("dataset") { Description = "The data set: heart-disease (UCI, four hospitals)" };
        dataset.AcceptOnlyFromAmong("heart-disease");
        var output = new Option<string>("--out") { Description = "Folder to write the files into", DefaultValueFactory = _ => Path.Combine("data", "heart-disease") };
        var source = new Option<string>("--source") { Description = "Base URL of the files (a mirror)", DefaultValueFactory = _ => HeartDiseaseData.DefaultSource };
        var command = new Command("download", "Download a public data set and verify every file's MD5 sum before keeping it") { dataset, output, source };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            if (!Uri.TryCreate(parse.GetValue(source), UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            {
                throw new UserInputException($"--source must be an http(s) URL (got '{parse.GetValue(source)}').");
            }

            if (!baseUri.AbsoluteUri.EndsWith('/'))
            {
                baseUri = new Uri(baseUri.AbsoluteUri + "/");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var path = await new PublicDataDownloader(http).DownloadHeartDiseaseAsync(parse.GetValue(output)!, baseUri, token).ConfigureAwait(false);
            Terminal.Results.WriteLine(path);
            Terminal.Err.MarkupLine(Markup.Escape($"verified {HeartDiseaseData.Files.Count} files (MD5). Train on them with:"));
            Terminal.Err.MarkupLine(Markup.Escape($"  fedhealth sim --data {path} --site-column center --label target --categorical {string.Join(' ', HeartDiseaseData.Categorical)}"));
            Terminal.Err.MarkupLine(Markup.Escape("Licence CC BY 4.0: UCI Heart Disease (Janosi, Steinbrunn, Pfisterer, Detrano, 1988)."));
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
