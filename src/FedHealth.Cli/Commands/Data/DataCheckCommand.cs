using System.CommandLine;
using System.Globalization;
using FedHealth.Cli.Commands.Node;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Data;

/// <summary>
/// <c>fedhealth data check --config node.json</c>: reads the node's data as <c>fedhealth node</c>
/// would and prints its conformance to the contract per feature, as counts only (never a value).
/// </summary>
internal static class DataCheckCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The node's JSON configuration (docs/configuration.md)", Required = true };
        var command = new Command("check", "Check this site's data against the study's contract and print a conformance table (counts only)") { config };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var node = ServiceConfiguration.Load<NodeConfig>(ServiceConfiguration.Build(parse.GetValue(config)!, parse.UnmatchedTokens), c => c.DataProblems());
            var report = Report(node);
            var table = new Table().AddColumns("feature", "present", "missing", "out of range", "unconvertible");
            foreach (var f in report.Features)
            {
                table.AddRow(Markup.Escape(f.Feature), Count(f.Present), Count(f.Missing), Count(f.OutOfRange), Count(f.Unconvertible));
            }

            Terminal.Out.Write(table);
            Terminal.Out.WriteLine($"{report.Patients} patients; {report.Unmapped} records with no code in the contract");
            var unusable = report.Features.Where(f => f.Unconvertible > 0 || f.Present == 0).Select(f => f.Feature).ToList();
            if (unusable.Count > 0)
            {
                Terminal.Err.WriteLine($"not ready to train: {string.Join(", ", unusable)} (no values or unconvertible units)");
                return Task.FromResult(ExitCodes.BadInput);
            }

            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static ConformanceReport Report(NodeConfig node)
    {
        switch (node.Node.Data.Kind)
        {
            case "fhir":
                return NodeSources.ReadFhir(node.Node.Data, node.Schema, strict: false).Conformance;
            case "omop":
                return NodeSources.ReadOmop(node.Node.Data, node.Schema, strict: false).Conformance;
        }

        var (raw, rows) = NodeData.Rows(node.Node.Data, node.Schema);
        var features = raw.FeatureNames.Select((name, c) =>
        {
            var present = Enumerable.Range(0, rows.Rows.Rows).Count(r => !float.IsNaN(rows.Rows.Row(r)[c]));
            return new FeatureConformance(name, present, rows.Rows.Rows - present, 0, 0);
        }).ToList();
        return new ConformanceReport(raw.Source, rows.Rows.Rows, features, 0);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
