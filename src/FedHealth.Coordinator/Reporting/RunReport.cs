using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Senders;
using FedHealth.Coordinator.Statistics;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Reporting;

/// <summary>
/// Builds <c>report.json</c> (schema in docs/report-schema.md). Field names are a contract: later
/// versions add fields, never rename. Non-finite numbers (e.g. AUC on a one-class test set) are null.
/// </summary>
public static class RunReport
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

    public static JsonObject Build(JsonObject config, StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(result);
        var rounds = new JsonArray();
        foreach (var record in result.Rounds)
        {
            rounds.Add(Round(record));
        }

        return new JsonObject
        {
            ["schema_version"] = 1,
            ["study"] = result.Study.Value,
            ["status"] = result.Status,
            ["reason"] = result.Reason,
            ["config"] = config,
            ["rounds_completed"] = result.Rounds.Count(r => r.ModelUpdated),
            ["rounds_aborted"] = result.Rounds.Count(r => !r.ModelUpdated),
            ["rounds"] = rounds,
            ["final"] = Final(result),
            ["epsilon_record"] = Number(result.Privacy?.EpsilonRecord),
            ["epsilon_site"] = Number(result.Privacy?.EpsilonSite),
            ["delta"] = Number(result.Privacy?.Delta),
            ["statistics"] = result.Statistics is { } statistics ? Statistics(statistics) : null,
            ["fairness"] = EvaluationReport.Fairness(result.FinalEvaluation),
        };
    }

    /// <summary>The pooled feature statistics stage: how many sites' statistics are in the sum, who prepared with it (never any values).</summary>
    public static JsonObject Statistics(StatisticsSummary statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new JsonObject
        {
            ["mode"] = "federated",
            ["contributors"] = statistics.Contributors,
            ["prepared_site_ids"] = new JsonArray(statistics.Prepared.Select(s => (JsonNode?)s.Value).ToArray()),
            ["failures"] = Failures(statistics.Failures),
            ["attempts"] = statistics.Attempts,
            ["refused_messages"] = Refused(statistics.RefusedMessages),
        };
    }

    public static JsonObject Round(RoundRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evaluation = record.Evaluation;
        return new JsonObject
        {
            ["round"] = record.Round,
            ["sites_sampled"] = record.SitesSampled.Count,
            ["sites_succeeded"] = record.SitesSucceeded.Count,
            ["sampled_site_ids"] = Ids(record.SitesSampled.Select(s => s.Value)),
            ["succeeded_site_ids"] = Ids(record.SitesSucceeded.Select(s => s.Value)),
            ["failures"] = Failures(record.Failures),
            ["model_updated"] = record.ModelUpdated,
            ["aborted"] = record.AbortReason,
            ["train_loss"] = Number(record.TrainLoss),
            ["eval_loss"] = Number(evaluation?.Loss),
            ["eval_accuracy"] = Number(evaluation?.Accuracy),
            ["eval_auc"] = Number(evaluation?.Auc),
            ["mean_site_accuracy"] = Number(evaluation?.MeanSiteAccuracy),
            ["eval_released"] = evaluation is null ? null : Released.Exact,
            ["duration_ms"] = Number(record.DurationMilliseconds),
            ["slowest_site_train_ms"] = Number(record.SlowestSiteTrainMilliseconds),
            ["total_site_train_ms"] = Number(record.TotalSiteTrainMilliseconds),
            ["model_hash"] = record.ModelHash,
            ["secure_aggregation"] = record.SecureAggregation,
            ["sites_dropped"] = Failures(record.Dropouts),
            ["refused_messages"] = Refused(record.RefusedMessages),
            ["epsilon_record"] = Number(record.Privacy?.EpsilonRecord),
            ["epsilon_site"] = Number(record.Privacy?.EpsilonSite),
            ["delta"] = Number(record.Privacy?.Delta),
        };
    }

    private static JsonArray Failures(IEnumerable<SiteFailure> failures)
    {
        var array = new JsonArray();
        foreach (var failure in failures)
        {
            array.Add(new JsonObject
            {
                ["site"] = failure.Site.Value,
                ["stage"] = failure.Stage.ToLowerInvariant(),
                ["reason"] = failure.Reason,
            });
        }

        return array;
    }

    /// <summary>Messages sent in another site's name: who claimed to be whom, with what, how often.</summary>
    internal static JsonArray Refused(IEnumerable<RefusedMessage> refused)
    {
        var array = new JsonArray();
        foreach (var message in refused)
        {
            array.Add(new JsonObject
            {
                ["claimed_site"] = message.ClaimedSite.Value,
                ["real_sender"] = message.RealSender,
                ["message"] = message.MessageType,
                ["count"] = message.Count,
            });
        }

        return array;
    }

    private static JsonObject Final(StudyResult result)
    {
        var evaluation = result.FinalEvaluation;
        var perSite = new JsonObject();
        foreach (var site in evaluation?.PerSite ?? [])
        {
            perSite[site.Site.Value] = new JsonObject
            {
                ["n_test"] = site.Outcome.NumExamples,
                ["accuracy"] = Number(site.Outcome.Accuracy),
                ["auc"] = Number(site.Outcome.Auc),
                ["loss"] = Number(site.Outcome.Loss),
            };
        }

        return new JsonObject
        {
            ["per_site"] = perSite,
            ["mean_site_accuracy"] = Number(evaluation?.MeanSiteAccuracy),
            ["pooled_accuracy"] = Number(evaluation?.Accuracy),
            ["pooled_auc"] = Number(evaluation?.Auc),
            ["pooled_loss"] = Number(evaluation?.Loss),
            ["released"] = evaluation is null ? null : new JsonObject { ["per_site"] = Released.Exact, ["pooled"] = Released.Exact },
            ["calibration"] = evaluation is null ? null : EvaluationReport.Calibration(evaluation.PooledHistogram),

            // Per model input: the pooled mean loss increase when it is permuted (the sites' sums over all test rows).
            ["permutation_importance"] = evaluation?.PermutationImportance is { } importance
                ? new JsonArray([.. importance.Select(v => (JsonNode?)Number(v))])
                : null,
            ["model_hash"] = result.FinalWeights.ContentHash(),
            ["parameters"] = result.FinalWeights.Length,
        };
    }

    private static JsonArray Ids(IEnumerable<string> ids) => new(ids.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());

    internal static JsonNode? Number(double? value) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;
}
