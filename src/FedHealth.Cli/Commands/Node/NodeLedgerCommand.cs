using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Node.Policy;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Node;

/// <summary><c>fedhealth node ledger --config node.json [--json]</c>: what this site has spent, per study and in total, against its own limits.</summary>
internal static class NodeLedgerCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The node's JSON configuration (docs/configuration.md)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("ledger", "Show the privacy loss this site has spent on its patients, per study and in total, from its own ledger") { config, json };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => Task.FromResult(Show(parse.GetValue(config)!, parse.UnmatchedTokens, parse.GetValue(json))), cancellationToken));
        return command;
    }

    private static int Show(string configPath, IReadOnlyList<string> overrides, bool json)
    {
        var config = ServiceConfiguration.Load<NodeConfig>(ServiceConfiguration.Build(configPath, overrides), c => c.PolicyProblems());
        var policy = config.Policy();
        var ledger = NodeLedger.Open(config.Node.State.Resolve(configPath));
        var charges = ledger.Charges();
        var studies = charges.GroupBy(c => c.Study).Select(g => (Study: g.Key.Value, Rounds: g.Count(),
            Epsilon: SitePolicyCheck.Epsilon(ledger.StudySpent(g.Key), policy.Delta))).ToList();
        var total = SitePolicyCheck.Epsilon(ledger.TotalSpent(), policy.Delta);
        if (json)
        {
            var studyArray = new JsonArray([.. studies.Select(s => (JsonNode)new JsonObject { ["study"] = s.Study, ["rounds_charged"] = s.Rounds, ["epsilon"] = s.Epsilon })]);
            var document = new JsonObject
            {
                ["ledger"] = ledger.Path,
                ["delta"] = policy.Delta,
                ["epsilon_total"] = total,
                ["max_epsilon"] = policy.MaxEpsilon,
                ["max_epsilon_per_study"] = policy.MaxEpsilonPerStudy,
                ["studies"] = studyArray,
            };
            Terminal.Results.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("study", "rounds charged", "ε");
        foreach (var (study, rounds, epsilon) in studies)
        {
            table.AddRow(Markup.Escape(study), rounds.ToString(CultureInfo.InvariantCulture), F(epsilon));
        }

        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"total ε = {F(total)} at δ = {policy.Delta.ToString(CultureInfo.InvariantCulture)}" +
            $" (limit {(policy.MaxEpsilon is { } m ? F(m) : "none")}, per study {(policy.MaxEpsilonPerStudy is { } p ? F(p) : "none")}); ledger {ledger.Path}");
        return ExitCodes.Success;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
