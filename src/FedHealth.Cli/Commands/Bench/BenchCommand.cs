using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Benchmarks.SecureAggregation;
using FedHealth.Cli.Console;
using FedHealth.Simulation.Benchmarks;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary><c>fedhealth bench</c>: measurements printed side by side from one run, never timed tests.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks that print ratios measured in the same run")
    {
        Rounds(),
        SecAgg(),
        PrivacyUtilityBench.Create(),
        TransferBench.Create(),
        NoiseBench.Create(),
        FuzzBench.Create(),
        ChaosBench.Create(),
    };

    private static Command Rounds()
    {
        var sites = new Option<string>("--sites") { Description = "Comma-separated site counts", DefaultValueFactory = _ => "4,50" };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds per configuration", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array" };
        var command = new Command("rounds", "Coordination overhead per round: real training vs a zero-cost trainer, same federation") { sites, rounds, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var counts = ParseCounts(parse.GetValue(sites)!);
            if (parse.GetValue(rounds) < 1)
            {
                throw new UserInputException("--rounds must be at least 1.");
            }

            var results = counts.Select(n => CoordinationBenchmark.Run(n, parse.GetValue(rounds))).ToList();
            if (parse.GetValue(json))
            {
                var array = new JsonArray(results.Select(r => (JsonNode?)new JsonObject
                {
                    ["sites"] = r.Sites,
                    ["rounds"] = r.Rounds,
                    ["cores"] = r.Cores,
                    ["round_ms"] = Math.Round(r.RoundMilliseconds, 2),
                    ["slowest_site_train_ms"] = Math.Round(r.SlowestSiteTrainMilliseconds, 2),
                    ["total_site_train_ms"] = Math.Round(r.TotalSiteTrainMilliseconds, 2),
                    ["round_minus_training_ms"] = Math.Round(r.RoundMinusTrainingMilliseconds, 2),
                    ["zero_cost_trainer_round_ms"] = Math.Round(r.ZeroCostTrainerRoundMilliseconds, 2),
                }).ToArray());
                Terminal.Results.WriteLine(array.ToJsonString());
            }
            else
            {
                var table = new Table().AddColumns("sites", "round (ms)", "slowest site train (ms)", "Σ site train (ms)", "round − slowest training (ms)", "round, zero-cost trainer (ms)");
                foreach (var r in results)
                {
                    table.AddRow(r.Sites.ToString(CultureInfo.InvariantCulture), F(r.RoundMilliseconds), F(r.SlowestSiteTrainMilliseconds),
                        F(r.TotalSiteTrainMilliseconds), F(r.RoundMinusTrainingMilliseconds), F(r.ZeroCostTrainerRoundMilliseconds));
                }

                Terminal.Out.Write(table);
                Terminal.Out.WriteLine($"{results[0].Cores} cores; sites train concurrently on the cores, so round − slowest training is an upper bound; the zero-cost trainer round is coordination alone; logistic regression, 100 local steps, synthetic cohort.");
            }

            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static Command SecAgg()
    {
        var sites = new Option<int>("--sites") { Description = "Number of sites", DefaultValueFactory = _ => 100 };
        var parameters = new Option<int>("--params") { Description = "Model parameters per site", DefaultValueFactory = _ => 1_000_000 };
        var dropout = new Option<double>("--dropout") { Description = "Share of sites that vanish before unmasking", DefaultValueFactory = _ => 0.1 };
        var neighbours = new Option<int?>("--neighbours") { Description = "k of the neighbour graph (default: derived from n, dropout and corruption)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("secagg", "Secure aggregation in process: client and server time against the floor of any masking scheme") { sites, parameters, dropout, neighbours, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            if (parse.GetValue(sites) < 3 || parse.GetValue(parameters) < 1 || parse.GetValue(dropout) is < 0 or >= 1)
            {
                throw new UserInputException("bench secagg needs --sites ≥ 3, --params ≥ 1 and --dropout in [0, 1).");
            }

            var result = SecAggBenchmark.Run(new SecAggBenchOptions
            {
                Sites = parse.GetValue(sites),
                Params = parse.GetValue(parameters),
                Dropout = parse.GetValue(dropout),
                Neighbours = parse.GetValue(neighbours),
            });
            Terminal.Results.WriteLine(parse.GetValue(json) ? result.ToJson() : Describe(result));
            return Task.FromResult(result.SumCorrect ? ExitCodes.Success : ExitCodes.RunFailed);
        }, ct));
        return command;
    }

    private static string Describe(SecAggBenchResult r) => string.Create(CultureInfo.InvariantCulture,
        $"""
        sites {r.Sites}, params {r.Params}, dropout {r.Dropout} ({r.DroppedSites} dropped), k = {r.Neighbours}, t = {r.Threshold}{(r.CompleteGraph ? " (complete graph)" : string.Empty)}, {r.Cores} cores
        client (mean per site)   {r.ClientMs,10:0.0} ms
        server                   {r.ServerMs,10:0.0} ms
        floor (sum + PRG)        {r.FloorMs,10:0.0} ms   (sum {r.FloorSumMs:0.0} ms, PRG {r.FloorPrgMs:0.0} ms)
        server / floor           {r.ServerFloorRatio,10:0.00}
        upload per site          {r.UploadBytesPerSite,10} bytes ({r.UploadRatio:0.000}× the quantized vector)
        PRG                      {r.PrgGigabytesPerSecond,10:0.00} GB/s on one core ({r.PrgImplementation})
        sum correct              {r.SumCorrect}{(r.Aborted is null ? string.Empty : "; aborted: " + r.Aborted)}
        """);

    private static IReadOnlyList<int> ParseCounts(string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new UserInputException($"--sites takes positive counts separated by commas, e.g. 4,50 (got '{text}').");
            }

            counts.Add(n);
        }

        return counts.Count > 0 ? counts : throw new UserInputException("--sites needs at least one count.");
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
