using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using FedHealth.Cli.Console;
using FedHealth.Models.Registry;
using FedHealth.Models.Scoring;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// <c>fedhealth models predict ID --data rows.csv</c>: scores new patients locally with the
/// manifest's preprocessing; one probability per row, to <c>--out</c> or stdout.
/// </summary>
internal static class ModelsPredictCommand
{
    public static Command Create()
    {
        var id = ModelsOptions.Id();
        var from = ModelsOptions.From();
        var data = new Option<string>("--data") { Description = "A CSV file with the model's feature columns (other columns are ignored)", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the predictions CSV here (default: stdout)" };
        var site = new Option<string?>("--site") { Description = "For a model trained with each site's own statistics: the site whose statistics to use" };
        var json = ModelsOptions.Json();
        var command = new Command("predict", "Score the rows of a CSV file: one probability per row") { id, from, data, output, site, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var model = ModelRegistry.Open(parse.GetValue(from)).Find(parse.GetValue(id)!);
            var probabilities = ModelPredictor.Predict(model, parse.GetValue(data)!, parse.GetValue(site));
            var threshold = model.Manifest.Threshold;
            var text = Csv(probabilities, threshold);
            var path = parse.GetValue(output);
            if (path is not null)
            {
                File.WriteAllText(path, text);
            }

            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonObject
                {
                    ["model"] = model.Id,
                    ["rows"] = probabilities.Length,
                    ["predicted_positive"] = probabilities.Count(p => p >= threshold),
                    ["out"] = path,
                    ["probabilities"] = path is null ? new JsonArray([.. probabilities.Select(p => (JsonNode?)p)]) : null,
                }.ToJsonString());
            }
            else if (path is null)
            {
                Terminal.Results.Write(text);
            }
            else
            {
                Terminal.Out.WriteLine($"{probabilities.Length} rows scored with {model.Id[..12]}: {path}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>The predictions file: <c>row</c> (1-based data row), <c>probability</c> (round-trip precision), <c>predicted</c> (0/1 at the threshold).</summary>
    internal static string Csv(IReadOnlyList<double> probabilities, double threshold)
    {
        var text = new StringBuilder("row,probability,predicted\n");
        for (var i = 0; i < probabilities.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},{probabilities[i].ToString("R", CultureInfo.InvariantCulture)},{(probabilities[i] >= threshold ? 1 : 0)}\n");
        }

        return text.ToString();
    }
}
