using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Models.Diff;
using FedHealth.Models.Registry;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models diff A B</c>: configuration, sites, ε, metrics and weight distance between two models.</summary>
internal static class ModelsDiffCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("a") { Description = "The first model's id or prefix" };
        var right = new Argument<string>("b") { Description = "The second model's id or prefix" };
        var from = ModelsOptions.From();
        var json = ModelsOptions.Json();
        var command = new Command("diff", "What changed between two models: config, sites, ε, metrics, weight distance") { left, right, from, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var registry = ModelRegistry.Open(parse.GetValue(from));
            var a = registry.Find(parse.GetValue(left)!);
            var b = registry.Find(parse.GetValue(right)!);
            var differences = ModelDiff.Compare(a.Manifest, b.Manifest);
            var distance = ModelDiff.WeightDistance(a.Weights(), b.Weights());
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonObject
                {
                    ["a"] = a.Id,
                    ["b"] = b.Id,
                    ["weight_distance"] = distance,
                    ["differences"] = ModelDiff.ToJson(differences),
                }.ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("field", a.Id[..12], b.Id[..12]);
            foreach (var d in differences)
            {
                table.AddRow(Markup.Escape(d.Field), Markup.Escape(d.Left ?? "–"), Markup.Escape(d.Right ?? "–"));
            }

            Terminal.Out.Write(table);
            Terminal.Out.WriteLine(distance is { } l2
                ? $"weight distance (L2): {l2.ToString("G6", CultureInfo.InvariantCulture)}"
                : "weight distance: the layouts differ");
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
