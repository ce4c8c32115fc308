using System.CommandLine;
using System.Globalization;
using FedHealth.Cli.Console;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models show ID</c>: one model's manifest (all of it with <c>--json</c>), its weights checked against its hash.</summary>
internal static class ModelsShowCommand
{
    public static Command Create()
    {
        var id = ModelsOptions.Id();
        var from = ModelsOptions.From();
        var json = ModelsOptions.Json();
        var command = new Command("show", "Show a model's manifest: architecture, features, preprocessing, lineage, privacy, evaluation") { id, from, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var model = ModelRegistry.Open(parse.GetValue(from)).Find(parse.GetValue(id)!);
            model.Weights();
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(ManifestJson.Serialize(model.Manifest));
                return ExitCodes.Success;
            }

            Print(model);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static void Print(StoredModel model)
    {
        var m = model.Manifest;
        var grid = new Grid().AddColumns(2);
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
        Row("id", m.Id);
        Row("run", model.RunFolder);
        Row("study", $"{m.Study} ({m.Status}), saved {m.CreatedUtc.ToString("u", CultureInfo.InvariantCulture)}");
        Row("model", $"{m.Architecture.Kind}, {m.Architecture.InputFeatures} inputs" +
            (m.Architecture.Hidden.Count > 0 ? $", hidden [{string.Join(", ", m.Architecture.Hidden)}]" : string.Empty) +
            $"; {string.Join(", ", m.Architecture.Parameters.Select(p => $"{p.Name}[{string.Join(',', p.Shape)}]"))}");
        Row("label", $"{m.Label} (positive at p ≥ {m.Threshold.ToString(CultureInfo.InvariantCulture)})");
        Row("features", string.Join(", ", m.Features.Columns.Select(c => c.Levels is null ? c.Name : $"{c.Name} [{string.Join("|", c.Levels)}]")));
        Row("preprocessing", m.Preprocessing.Mode == PreprocessingInfo.Pooled
            ? "pooled statistics (mean imputation, standardised with the pooled means/SDs)"
            : $"each site's own statistics (median imputation; sites {string.Join(", ", m.Preprocessing.SiteStatistics?.Keys ?? [])})");
        Row("sites", string.Join(", ", m.Sites));
        Row("rounds", $"{m.Rounds.Count(r => r.ModelUpdated)} committed of {m.Rounds.Count}; lineage {string.Join(" → ", m.Rounds.Select(r => r.ModelHash[..8]).Distinct())}");
        Row("privacy", $"DP {m.Privacy.Mode}" +
            (m.Privacy.EpsilonRecord is { } er ? $", ε_record = {er.ToString("0.###", CultureInfo.InvariantCulture)}" : string.Empty) +
            (m.Privacy.EpsilonSite is { } es ? $", ε_site = {es.ToString("0.###", CultureInfo.InvariantCulture)}" : string.Empty) +
            (m.Privacy.Delta is { } d ? $" at δ = {d.ToString(CultureInfo.InvariantCulture)}" : string.Empty) +
            $"; secure aggregation {(m.SecureAggregation ? "on" : "off")}");
        Row("evaluation", $"pooled accuracy {Figure(ModelFacts.Metric(m, "pooled_accuracy"))}, AUC {Figure(ModelFacts.Metric(m, "pooled_auc"))}, loss {Figure(ModelFacts.Metric(m, "pooled_loss"))}");
        Row("code", m.CodeVersion);
        Row("schema", m.SchemaHash);
        Terminal.Out.Write(grid);
    }

    private static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
