using System.CommandLine;
using System.Globalization;
using FedHealth.Audit.Verification;
using FedHealth.Cli.Console;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Audit;

/// <summary>
/// <c>fedhealth audit compare node.jsonl coordinator.jsonl --study ID</c>: what a site says it sent
/// against what the coordinator says it received; exit 1 on a contradiction or a broken trail.
/// </summary>
internal static class AuditCompareCommand
{
    public static Command Create()
    {
        var node = new Argument<string>("node-export") { Description = "The site's export" };
        var coordinator = new Argument<string>("coordinator-export") { Description = "The coordinator's export" };
        var study = new Option<string>("--study") { Description = "The study to compare", Required = true };
        var command = new Command("compare", "Cross-check what a site says it sent against what the coordinator says it received") { node, coordinator, study };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => Task.FromResult(Compare(parse.GetValue(node)!, parse.GetValue(coordinator)!, parse.GetValue(study)!)), cancellationToken));
        return command;
    }

    private static int Compare(string nodePath, string coordinatorPath, string study)
    {
        var node = AuditSource.Export(nodePath);
        var coordinator = AuditSource.Export(coordinatorPath);
        foreach (var (path, entries) in new[] { (nodePath, node), (coordinatorPath, coordinator) })
        {
            var verdict = AuditVerifier.Verify(entries);
            if (!verdict.Intact)
            {
                Terminal.Error($"{path}: the trail is not intact, so it cannot be compared: {verdict.Reason}");
                return ExitCodes.RunFailed;
            }
        }

        var result = AuditComparison.Compare(node, coordinator, study);
        var table = new Table().AddColumns("round", "message", "bytes", "sha256", "coordinator");
        foreach (var (message, status) in result.Matched.Select(m => (m, "received"))
                     .Concat(result.Unconfirmed.Select(m => (m, "not recorded")))
                     .Concat(result.Contradicted.Select(m => (m, "[red]received, never sent[/]")))
                     .OrderBy(r => r.Item1.Round))
        {
            table.AddRow(message.Round.ToString(CultureInfo.InvariantCulture), Markup.Escape(message.Type), message.Bytes,
                message.Sha256.Length > 16 ? message.Sha256[..16] + "…" : message.Sha256, status);
        }

        Terminal.Out.Write(table);
        Terminal.Results.WriteLine($"site {result.Site}, study {study}: {result.Matched.Count} messages sent and received byte for byte, " +
            $"{result.Unconfirmed.Count} sent but not recorded by the coordinator, {result.Contradicted.Count} recorded by the coordinator but never sent; " +
            $"the site charged itself for {result.RoundsCharged} rounds (ε per round: {string.Join(", ", result.EpsilonPerRound)})");
        if (!result.Consistent)
        {
            Terminal.Error($"the trails contradict each other: the coordinator records {result.Contradicted.Count} messages from {result.Site} that it never sent");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Success;
    }
}
