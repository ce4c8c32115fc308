using System.Text.Json.Nodes;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>What the kills did to a study, compared with the same study run without them.</summary>
internal sealed record ChaosOutcome(
    int Kills, int Resumed, int Rounds, int Lost, int Doubled, bool SameModels, double ReferenceEpsilon, double Epsilon, IReadOnlyList<double> RestartToFirstRoundMs)
{
    /// <summary>ε may over-count an interrupted attempt; it may never be below the uninterrupted run's.</summary>
    public bool EpsilonNeverUnderCounted => Epsilon + 1e-9 >= ReferenceEpsilon;

    public string Line => $"{Resumed}/{Kills} resumed, {Lost} rounds lost, {Doubled} doubled";

    public static ChaosOutcome Compare(JsonObject reference, JsonObject run, int kills, int resumed, IReadOnlyList<double> restarts)
    {
        var expected = RoundsOf(reference);
        var got = RoundsOf(run);
        var numbers = got.Select(r => (int)r["round"]!).ToList();
        var total = expected.Count;
        var lost = Enumerable.Range(1, total).Count(n => !numbers.Contains(n));
        var doubled = numbers.Count - numbers.Distinct().Count();
        var same = expected.Select(Hash).SequenceEqual(got.Select(Hash));
        return new ChaosOutcome(kills, resumed, total, lost, doubled, same, EpsilonOf(reference), EpsilonOf(run), restarts);
    }

    public JsonObject ToJson() => new()
    {
        ["kills"] = Kills,
        ["resumed"] = Resumed,
        ["rounds"] = Rounds,
        ["rounds_lost"] = Lost,
        ["rounds_doubled"] = Doubled,
        ["same_models_as_uninterrupted"] = SameModels,
        ["epsilon_uninterrupted"] = ReferenceEpsilon,
        ["epsilon"] = Epsilon,
        ["epsilon_never_under_counted"] = EpsilonNeverUnderCounted,
        ["restart_to_first_round_ms"] = new JsonArray([.. RestartToFirstRoundMs.Select(ms => (JsonNode)Math.Round(ms, 0))]),
        ["summary"] = Line,
    };

    private static List<JsonObject> RoundsOf(JsonObject report) => [.. report["rounds"]!.AsArray().Select(r => r!.AsObject())];

    private static string Hash(JsonObject round) => (string)round["model_hash"]!;

    private static double EpsilonOf(JsonObject report) =>
        RoundsOf(report).Select(r => Math.Max((double?)r["epsilon_record"] ?? 0, (double?)r["epsilon_site"] ?? 0)).DefaultIfEmpty(0).Max();
}
