using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models list</c>: every saved model under a folder, newest first.</summary>
internal static class ModelsListCommand
{
    public static Command Create()
    {
        var from = ModelsOptions.From();
        var json = ModelsOptions.Json();
        var command = new Command("list", "List the saved models, newest first") { from, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var registry = ModelRegistry.Open(parse.GetValue(from));
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonArray([.. registry.Models.Select(Summary)]).ToJsonString());
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "created (UTC)", "study", "model", "accuracy", "AUC", "ε", "run");
            foreach (var model in registry.Models)
            {
                var m = model.Manifest;
                table.AddRow(
                    model.Id[..12],
                    m.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(m.Study),
                    m.Architecture.Kind,
                    Figure(ModelFacts.Metric(m, "pooled_accuracy")),
                    Figure(ModelFacts.Metric(m, "pooled_auc")),
                    Figure(m.Privacy.EpsilonRecord ?? m.Privacy.EpsilonSite),
                    Markup.Escape(model.RunFolder));
            }

            Terminal.Out.Write(table);
            Terminal.Out.WriteLine($"{registry.Models.Count} models");
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    internal static JsonObject Summary(StoredModel model)
    {
        var m = model.Manifest;
        return new JsonObject
        {
            ["id"] = model.Id,
            ["run"] = model.RunFolder,
            ["study"] = m.Study,
            ["status"] = m.Status,
            ["created_utc"] = m.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
            ["kind"] = m.Architecture.Kind,
            ["pooled_accuracy"] = ModelFacts.Metric(m, "pooled_accuracy"),
            ["pooled_auc"] = ModelFacts.Metric(m, "pooled_auc"),
            ["epsilon_record"] = m.Privacy.EpsilonRecord,
            ["epsilon_site"] = m.Privacy.EpsilonSite,
            ["secure_aggregation"] = m.SecureAggregation,
        };
    }

    private static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
