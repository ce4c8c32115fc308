using System.CommandLine;
using System.Globalization;
using FedHealth.Cli.Console;
using Npgsql;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// <c>fedhealth bench chaos --kills N [--rounds R] [--postgres CONNECTION] [--json]</c>: kills a
/// durable <c>sim --state</c> study with SIGKILL at N random moments, restarts it each time and
/// prints <c>K/N resumed, L rounds lost, D doubled</c> (docs/durability.md).
/// </summary>
internal static class ChaosBench
{
    public static Command Create()
    {
        var kills = new Option<int>("--kills") { Description = "How many times the study's process is killed", DefaultValueFactory = _ => 20 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of the study", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the study and of the kill times", DefaultValueFactory = _ => 42 };
        var dp = new Option<bool>("--dp") { Description = "Run the default study (record-level DP, secure aggregation) instead of the deterministic plain one: models then differ run to run, ε is compared" };
        var postgres = new Option<string?>("--postgres") { Description = "An Npgsql connection string: keep the state in fresh databases on that server instead of SQLite" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("chaos", "Kill a durable study N times at random and restart it: rounds lost, doubled, models and ε compared with an uninterrupted run")
        {
            kills, rounds, seed, dp, postgres, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var n = parse.GetValue(kills);
            if (n < 1 || parse.GetValue(rounds) < 1)
            {
                throw new UserInputException("--kills and --rounds must be at least 1.");
            }

            var folder = Path.Combine(Path.GetTempPath(), "fedhealth-chaos-" + Guid.NewGuid().ToString("N"));
            var study = new List<string> { "sim", "--rounds", parse.GetValue(rounds).ToString(CultureInfo.InvariantCulture), "--seed", parse.GetValue(seed).ToString(CultureInfo.InvariantCulture) };
            if (!parse.GetValue(dp))
            {
                study.AddRange(["--dp", "off", "--secure-aggregation", "off"]);
            }

            var server = parse.GetValue(postgres);
            var databases = new Dictionary<string, string>();
            IReadOnlyList<string> State(string name)
            {
                var args = new List<string> { "--state", Path.Combine(folder, name, "state") };
                if (server is not null)
                {
                    if (!databases.TryGetValue(name, out var connection))
                    {
                        databases[name] = connection = CreateDatabase(server);
                    }

                    args.AddRange(["--state-postgres", connection]);
                }

                return args;
            }

            try
            {
                var outcome = new ChaosRun(folder, study, State, parse.GetValue(seed)).Run(n);
                if (parse.GetValue(json))
                {
                    Terminal.Results.WriteLine(outcome.ToJson().ToJsonString());
                }
                else
                {
                    Terminal.Out.WriteLine(outcome.Line);
                    Terminal.Out.MarkupLine(Markup.Escape(
                        $"same models as the uninterrupted run: {(outcome.SameModels ? "yes" : "no")}; ε {outcome.Epsilon:0.###} (uninterrupted {outcome.ReferenceEpsilon:0.###}); restart → first round: {string.Join(", ", outcome.RestartToFirstRoundMs.Select(ms => ms.ToString("0", CultureInfo.InvariantCulture)))} ms"));
                }

                return Task.FromResult(outcome.Lost == 0 && outcome.Doubled == 0 && outcome.Resumed == outcome.Kills && outcome.EpsilonNeverUnderCounted ? ExitCodes.Success : ExitCodes.RunFailed);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }, ct));
        return command;
    }

    private static string CreateDatabase(string server)
    {
        var name = "fh_chaos_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
