using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Models.Cards;
using FedHealth.Models.Registry;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models card ID</c>: writes the model card (markdown, self-contained HTML) and its figures.</summary>
internal static class ModelsCardCommand
{
    public static Command Create()
    {
        var id = ModelsOptions.Id();
        var from = ModelsOptions.From();
        var output = new Option<string?>("--out") { Description = "The folder to write into (default: the model's own model/ folder)" };
        var json = ModelsOptions.Json();
        var command = new Command("card", "Write the model card (model-card.md, model-card.html) and its figures") { id, from, output, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var model = ModelRegistry.Open(parse.GetValue(from)).Find(parse.GetValue(id)!);
            var files = CardWriter.Write(model, parse.GetValue(output) ?? Path.GetDirectoryName(model.ManifestPath)!);
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonObject { ["model"] = model.Id, ["files"] = new JsonArray([.. files.Select(f => (JsonNode?)f)]) }.ToJsonString());
            }
            else
            {
                Terminal.Out.WriteLine($"model card of {model.Id[..12]}: {string.Join(", ", files)}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
