using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Fuzzing;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// <c>fedhealth bench fuzz</c>: seeded random and mutated payloads per manifest through the wire
/// format and its validation, tallied as accepted (and round-tripped), refused by reason, or
/// unexpected (a bug: the exit code says so). See docs/security.md.
/// </summary>
internal static class FuzzBench
{
    public static Command Create()
    {
        var cases = new Option<int>("--cases") { Description = "Payloads per manifest", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the run (the same seed gives the same payloads)", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array" };
        var command = new Command("fuzz", "Fuzz the wire format: tried / accepted / refused by reason / unexpected per manifest") { cases, seed, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            if (parse.GetValue(cases) < 1)
            {
                throw new UserInputException("bench fuzz needs --cases ≥ 1.");
            }

            var tallies = new List<FuzzTally>();
            foreach (var manifest in WireFormat.Manifests)
            {
                token.ThrowIfCancellationRequested();
                tallies.Add(WireFuzzer.Run(manifest, parse.GetValue(cases), parse.GetValue(seed)));
            }

            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonArray(tallies.Select(t => (JsonNode?)ToJson(t)).ToArray()).ToJsonString());
            }
            else
            {
                Print(tallies);
            }

            foreach (var t in tallies.Where(t => t.FirstUnexpected is not null))
            {
                Terminal.Err.WriteLine($"{t.Manifest}: case {t.FirstUnexpected!.Value.Case} (seed {parse.GetValue(seed)}) threw {t.FirstUnexpected.Value.Exception.GetType().Name}: {t.FirstUnexpected.Value.Exception.Message}");
            }

            return Task.FromResult(tallies.All(t => t.Unexpected == 0) ? ExitCodes.Success : ExitCodes.RunFailed);
        }, ct));
        return command;
    }

    private static JsonObject ToJson(FuzzTally t) => new()
    {
        ["manifest"] = t.Manifest,
        ["tried"] = t.Tried,
        ["accepted"] = t.Accepted,
        ["refused"] = new JsonObject(t.RefusedByReason.OrderBy(r => r.Key).Select(r => KeyValuePair.Create(r.Key.ToString(), (JsonNode?)r.Value))),
        ["unexpected"] = t.Unexpected,
    };

    private static void Print(List<FuzzTally> tallies)
    {
        var table = new Table().AddColumns("manifest", "tried", "accepted", "refused", "refused by reason", "unexpected");
        foreach (var t in tallies)
        {
            table.AddRow(
                t.Manifest,
                N(t.Tried),
                N(t.Accepted),
                N(t.Refused),
                Markup.Escape(string.Join(", ", t.RefusedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {N(r.Value)}"))),
                N(t.Unexpected));
        }

        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"{N(tallies.Sum(t => t.Tried))} payloads over {tallies.Count} manifests: {N(tallies.Sum(t => t.Accepted))} accepted (each round-tripped), {N(tallies.Sum(t => t.Refused))} refused with a reason, {N(tallies.Sum(t => t.Unexpected))} unexpected.");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
