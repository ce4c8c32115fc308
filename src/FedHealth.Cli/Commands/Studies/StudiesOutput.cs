using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Rounds;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Studies;

/// <summary>What <c>fedhealth studies</c> prints: a table, or JSON on stdout.</summary>
internal static class StudiesOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int List(IReadOnlyList<StudySummary> studies, bool json)
    {
        if (json)
        {
            Terminal.Results.WriteLine(new JsonArray([.. studies.Select(s => (JsonNode)Summary(s))]).ToJsonString(Indented));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("study", "status", "rounds", "ε (record / site)", "interrupted attempts", "last model");
        foreach (var study in studies)
        {
            var last = study.Rounds.Count == 0 ? null : study.Rounds[^1];
            table.AddRow(
                Markup.Escape(study.Study), Markup.Escape(study.Status), $"{study.Rounds.Count}/{study.TotalRounds}", Epsilon(last),
                study.InterruptedAttempts.ToString(CultureInfo.InvariantCulture), last is null ? "-" : last.ModelHash[..12]);
        }

        Terminal.Out.Write(table);
        return ExitCodes.Success;
    }

    public static int Show(IReadOnlyList<StudySummary> studies, string id, bool json)
    {
        var study = studies.FirstOrDefault(s => s.Study == id)
            ?? throw new UserInputException($"the state holds no study '{id}' (it holds: {(studies.Count == 0 ? "none" : string.Join(", ", studies.Select(s => s.Study)))}).");
        if (json)
        {
            var document = Summary(study);
            document["rounds"] = new JsonArray([.. study.Rounds.Select(r => (JsonNode)Round(r))]);
            Terminal.Results.WriteLine(document.ToJsonString(Indented));
            return ExitCodes.Success;
        }

        Terminal.Out.WriteLine($"study {study.Study}: {study.Status}{(study.Reason is null ? string.Empty : " — " + study.Reason)}; {study.Rounds.Count} of {study.TotalRounds} rounds committed; definition {study.DefinitionHash[..12]}");
        var table = new Table().AddColumns("round", "sampled", "succeeded", "updated", "failures", "train loss", "accuracy", "ε (record / site)", "model");
        foreach (var round in study.Rounds)
        {
            table.AddRow(
                round.Round.ToString(CultureInfo.InvariantCulture), round.SitesSampled.Count.ToString(CultureInfo.InvariantCulture),
                round.SitesSucceeded.Count.ToString(CultureInfo.InvariantCulture), round.ModelUpdated ? "yes" : "no",
                Markup.Escape(string.Join("; ", round.Failures.Select(f => $"{f.Site} {f.Stage}: {f.Reason}").Concat(round.AbortReason is null ? [] : [round.AbortReason]))),
                F(round.TrainLoss), round.Evaluation is null ? "-" : F(round.Evaluation.Accuracy), Epsilon(round), round.ModelHash[..12]);
        }

        Terminal.Out.Write(table);
        return ExitCodes.Success;
    }

    private static JsonObject Summary(StudySummary study)
    {
        var last = study.Rounds.Count == 0 ? null : study.Rounds[^1];
        return new JsonObject
        {
            ["study"] = study.Study,
            ["status"] = study.Status,
            ["reason"] = study.Reason,
            ["rounds_committed"] = study.Rounds.Count,
            ["rounds_total"] = study.TotalRounds,
            ["charges"] = study.Charges,
            ["interrupted_attempts"] = study.InterruptedAttempts,
            ["epsilon_record"] = last?.Privacy?.EpsilonRecord,
            ["epsilon_site"] = last?.Privacy?.EpsilonSite,
            ["last_model_hash"] = last?.ModelHash,
            ["definition_hash"] = study.DefinitionHash,
        };
    }

    private static JsonObject Round(RoundRecord round) => new()
    {
        ["round"] = round.Round,
        ["sampled_site_ids"] = new JsonArray([.. round.SitesSampled.Select(s => (JsonNode)s.Value)]),
        ["succeeded_site_ids"] = new JsonArray([.. round.SitesSucceeded.Select(s => (JsonNode)s.Value)]),
        ["failures"] = new JsonArray([.. round.Failures.Concat(round.Dropouts).Select(f => (JsonNode)new JsonObject { ["site"] = f.Site.Value, ["stage"] = f.Stage, ["reason"] = f.Reason })]),
        ["model_updated"] = round.ModelUpdated,
        ["aborted"] = round.AbortReason,
        ["train_loss"] = double.IsFinite(round.TrainLoss) ? round.TrainLoss : null,
        ["eval_accuracy"] = round.Evaluation?.Accuracy,
        ["eval_auc"] = round.Evaluation?.Auc,
        ["epsilon_record"] = round.Privacy?.EpsilonRecord,
        ["epsilon_site"] = round.Privacy?.EpsilonSite,
        ["model_hash"] = round.ModelHash,
    };

    private static string Epsilon(RoundRecord? round) =>
        round?.Privacy is { } p ? $"{(p.EpsilonRecord is { } r ? F(r) : "-")} / {(p.EpsilonSite is { } s ? F(s) : "-")}" : "-";

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
