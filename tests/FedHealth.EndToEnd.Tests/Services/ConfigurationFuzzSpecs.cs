using System.Text.Json.Nodes;
using CsCheck;
using FedHealth.Cli.Commands.Coordinator;
using FedHealth.Cli.Commands.Node;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.EndToEnd.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace FedHealth.EndToEnd.Tests.Services;

/// <summary>
/// Property-based fuzzing of the services' configuration binder: the compose configurations with
/// keys set to hostile values, removed, or invented, bound the way the services bind them. Each
/// is refused with one <see cref="UserInputException"/> naming its problems, or it binds; nothing
/// else. <c>FEDHEALTH_FUZZ_CASES</c> and <c>FEDHEALTH_FUZZ_SEED</c> as in the wire fuzz suite.
/// </summary>
public sealed class ConfigurationFuzzSpecs
{
    private const long DefaultCases = 2_000;

    private static readonly string?[] Hostile =
    [
        null, "", " ", "0", "-1", "-3", "1", "2147483648", "99999999999999999999", "1e999", "NaN", "-Infinity", "0.5", "true", "False",
        "abc", "\n\u001b[31mforged", "\0", "bad id!", new string('x', 10_000), "/nonexistent/file", "..", "127.0.0.1", "::1", "record", "off",
        "{}", "[1,2]", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];

    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_CASES"), out var cases) && cases > 0 ? cases / 5 : DefaultCases;

    private static string? Seed => Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    [Fact]
    public void A_node_configuration_with_hostile_values_binds_or_is_refused_with_its_problems_named() =>
        Fuzz("deploy/compose/config/hospital-0/node.json", ["Node:Bogus", "Node:Privacy:Studies:0", "Node:Privacy:MaxAttemptsPerRound", "Node:Data:Kind"],
            c => ServiceConfiguration.Load<NodeConfig>(c, n => n.Problems()));

    [Fact]
    public void A_coordinator_configuration_with_hostile_values_binds_or_is_refused_with_its_problems_named() =>
        Fuzz("deploy/compose/config/coordinator.json", ["Study:Roudns", "Study:Sites:7", "Coordinator:Transfer:Port", "Study:Strategy"],
            c => ServiceConfiguration.Load<CoordinatorConfig>(c, n => n.Problems()));

    private static void Fuzz(string file, string[] invented, Action<IConfiguration> load)
    {
        var baseline = Flatten(JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, file)))!, string.Empty);
        string[] keys = [.. baseline.Keys, .. invented];
        var refused = 0;
        Gen.Select(Gen.Int[0, keys.Length - 1], Gen.Int[0, Hostile.Length - 1]).Array[1, 3].Sample(
            edits =>
            {
                var values = new Dictionary<string, string?>(baseline, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in edits)
                {
                    values[keys[key]] = Hostile[value];
                }

                try
                {
                    load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
                }
                catch (UserInputException ex)
                {
                    refused++;
                    Assert.DoesNotContain(new string('x', 41), ex.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain(ex.Message, c => char.IsControl(c) && c != '\n' && c != '\r');
                }
            },
            seed: Seed,
            iter: Cases,
            threads: 1);

        Assert.True(refused > 0, $"{file}: nothing was refused");
    }

    private static Dictionary<string, string?> Flatten(JsonNode node, string prefix)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var pair in Flatten(child!, prefix.Length == 0 ? key : $"{prefix}:{key}"))
                    {
                        values[pair.Key] = pair.Value;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var pair in Flatten(array[i]!, $"{prefix}:{i}"))
                    {
                        values[pair.Key] = pair.Value;
                    }
                }

                break;
            default:
                values[prefix] = node.ToString();
                break;
        }

        return values;
    }
}
