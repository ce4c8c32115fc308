using System.CommandLine;
using System.Globalization;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;
using FedHealth.Core.Options;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// <c>fedhealth bench privacy-utility</c>: the same federation at several record-level ε (and
/// without DP), several runs each, side by side: the privacy–utility table of docs/privacy.md.
/// </summary>
internal static class PrivacyUtilityBench
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "CSV path or 'synthetic'", DefaultValueFactory = _ => SimSettings.SyntheticData };
        var label = new Option<string?>("--label") { Description = "CSV: label column" };
        var siteColumn = new Option<string?>("--site-column") { Description = "CSV: site column" };
        var splitColumn = new Option<string?>("--split-column") { Description = "CSV: train/test column" };
        var epsilons = new Option<string>("--epsilons") { Description = "Record-level ε values; 'inf' runs without DP", DefaultValueFactory = _ => "0.5,1,2,4,8,inf" };
        var delta = new Option<double>("--delta") { Description = "δ", DefaultValueFactory = _ => 1e-3 };
        var runs = new Option<int>("--runs") { Description = "Runs per ε (seeds 42, 43, …)", DefaultValueFactory = _ => 5 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per run", DefaultValueFactory = _ => 20 };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (epsilon, mean, sd, pooled) instead of a table" };
        var command = new Command("privacy-utility", "Mean site accuracy at several record-level ε, measured in one run") { data, label, siteColumn, splitColumn, epsilons, delta, runs, rounds, csv };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var targets = ParseEpsilons(parse.GetValue(epsilons)!);
            var count = parse.GetValue(runs);
            if (count < 1)
            {
                throw new UserInputException("--runs must be at least 1.");
            }

            var rows = new List<(double Epsilon, double Mean, double Sd, double Pooled, double Sigma)>();
            foreach (var epsilon in targets)
            {
                var accuracies = new List<double>();
                var pooled = new List<double>();
                double sigma = 0;
                for (var run = 0; run < count; run++)
                {
                    var settings = new SimSettings
                    {
                        Study = StudyRequest.Default with
                        {
                            Id = $"privacy-utility-{42 + run}",
                            Rounds = parse.GetValue(rounds),
                            LocalSteps = 100,
                            Dp = double.IsPositiveInfinity(epsilon) ? "off" : "record",
                            TargetEpsilon = double.IsPositiveInfinity(epsilon) ? null : epsilon,
                            Delta = parse.GetValue(delta),
                            Seed = 42 + run,
                        },
                        Data = parse.GetValue(data)!,
                        Label = parse.GetValue(label),
                        SiteColumn = parse.GetValue(siteColumn),
                        SplitColumn = parse.GetValue(splitColumn),
                        Out = Path.Combine(Path.GetTempPath(), "fedhealth-privacy-utility", Guid.NewGuid().ToString("N")),
                    };
                    var (result, report, _) = await SimRunner.ExecuteAsync(settings, null, token).ConfigureAwait(false);
                    accuracies.Add(result.FinalEvaluation?.MeanSiteAccuracy ?? double.NaN);
                    pooled.Add(result.FinalEvaluation?.Accuracy ?? double.NaN);
                    sigma = report["config"]!["record_noise_multiplier"]?.GetValue<double>() ?? 0;
                    Terminal.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ε = {epsilon}, run {run + 1}/{count}: mean site accuracy {accuracies[^1]:0.000}"));
                }

                var mean = accuracies.Average();
                var sd = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, accuracies.Count - 1));
                rows.Add((epsilon, mean, sd, pooled.Average(), sigma));
            }

            if (parse.GetValue(csv))
            {
                Terminal.Results.WriteLine("epsilon,mean_site_accuracy,sd,pooled_accuracy,noise_multiplier");
                foreach (var r in rows)
                {
                    Terminal.Results.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(double.IsInfinity(r.Epsilon) ? "inf" : r.Epsilon)},{r.Mean:0.0000},{r.Sd:0.0000},{r.Pooled:0.0000},{r.Sigma}"));
                }
            }
            else
            {
                var table = new Table().AddColumns("ε (record-level)", "noise multiplier σ", "mean site accuracy", "sd", "pooled accuracy");
                foreach (var r in rows)
                {
                    table.AddRow(double.IsInfinity(r.Epsilon) ? "∞ (no DP)" : r.Epsilon.ToString(CultureInfo.InvariantCulture),
                        r.Sigma == 0 ? "-" : r.Sigma.ToString(CultureInfo.InvariantCulture),
                        r.Mean.ToString("0.000", CultureInfo.InvariantCulture), r.Sd.ToString("0.000", CultureInfo.InvariantCulture),
                        r.Pooled.ToString("0.000", CultureInfo.InvariantCulture));
                }

                Terminal.Out.Write(table);
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static List<double> ParseEpsilons(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("inf", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(double.PositiveInfinity);
            }
            else if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && e > 0)
            {
                values.Add(e);
            }
            else
            {
                throw new UserInputException($"--epsilons takes positive numbers or 'inf' separated by commas (got '{part}').");
            }
        }

        return values.Count > 0 ? values : throw new UserInputException("--epsilons needs at least one value.");
    }
}
