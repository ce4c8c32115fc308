using CsCheck;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Fuzzing;

namespace FedHealth.Coordinator.Tests.Serialization.Fuzzing;

/// <summary>
/// Property-based fuzzing of every manifest: each payload is refused with a typed reason, or it
/// passes validation and round-trips. <c>FEDHEALTH_FUZZ_CASES</c> raises the count per manifest
/// and property; a failure reports CsCheck's seed, which <c>FEDHEALTH_FUZZ_SEED</c> replays.
/// </summary>
public sealed class WireFuzzSpecs
{
    private const long DefaultCases = 5_000;

    public static TheoryData<string> AllManifests => new(WireFormat.Manifests);

    private static long Cases =>
        long.TryParse(Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_CASES"), out var cases) && cases > 0 ? cases : DefaultCases;

    private static string? Seed => Environment.GetEnvironmentVariable("FEDHEALTH_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    private static readonly Gen<WireMutation> Mutation =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Int, Gen.Int[0, 255], (kind, position, value) => new WireMutation(kind, position, value));

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void A_mutated_payload_is_refused_with_a_reason_or_accepted_and_round_trips(string manifest)
    {
        var type = WireFormat.TypeOf(manifest);
        var samples = Enumerable.Range(1, 3).Select(s => WireFormat.Serialize(WireSamples.Create(type, s))).ToArray();

        Gen.Select(Gen.Int[0, samples.Length - 1], Mutation.Array[1, 4]).Sample(
            (sample, mutations) => Expect(WireProbe.Probe(WireMutator.Apply(samples[sample], mutations), manifest)),
            seed: Seed,
            iter: Cases,
            threads: 1);
    }

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void Random_bytes_are_refused_with_a_reason_or_accepted_and_round_trip(string manifest) =>
        Gen.Byte.Array[0, 512].Sample(bytes => Expect(WireProbe.Probe(bytes, manifest)), seed: Seed, iter: Cases / 4, threads: 1);

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void A_seeded_run_both_accepts_and_refuses_and_nothing_else(string manifest)
    {
        var tally = WireFuzzer.Run(manifest, 400, seed: 1);

        Assert.Equal(0, tally.Unexpected);
        Assert.True(tally.Refused > 0, $"{manifest}: nothing was refused");
        Assert.True(tally.Accepted > 0, $"{manifest}: nothing was accepted, so the round-trip half is untested");
        Assert.Equal(400, tally.Tried);
    }

    private static void Expect(FuzzOutcome outcome)
    {
        if (outcome.Unexpected is { } exception)
        {
            throw new InvalidOperationException("Neither a typed refusal nor a valid message.", exception);
        }
    }
}
