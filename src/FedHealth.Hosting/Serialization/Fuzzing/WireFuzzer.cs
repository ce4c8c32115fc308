namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>
/// A seeded fuzz run over one manifest for <c>fedhealth bench fuzz</c>: a fifth of the cases are
/// random bytes, the rest valid samples with one to four <see cref="WireMutation"/>s. The same seed
/// gives the same cases (a fuzzer's randomness protects nothing, so it need not be cryptographic).
/// </summary>
public static class WireFuzzer
{
    private const int Samples = 4;

    public static FuzzTally Run(string manifest, int cases, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        var type = WireFormat.TypeOf(manifest);
        var samples = Enumerable.Range(1, Samples).Select(s => WireFormat.Serialize(WireSamples.Create(type, s))).ToArray();
        var tally = new FuzzTally(manifest);
#pragma warning disable CA5394 // Reproducible test input, not a secret.
        var random = new Random(unchecked((seed * 1_000_003) + StableHash(manifest)));
        for (var i = 0; i < cases; i++)
        {
            var payload = random.Next(5) == 0
                ? RandomBytes(random, samples[0].Length * 2)
                : WireMutator.Apply(samples[random.Next(Samples)], Mutations(random));
            tally.Add(WireProbe.Probe(payload, manifest));
        }
#pragma warning restore CA5394

        return tally;
    }

#pragma warning disable CA5394 // Reproducible test input, not a secret.
    private static WireMutation[] Mutations(Random random) =>
        Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => new WireMutation((MutationKind)random.Next(Enum.GetValues<MutationKind>().Length), random.Next(), random.Next(256)))
            .ToArray();

    private static byte[] RandomBytes(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        random.NextBytes(bytes);
        return bytes;
    }
#pragma warning restore CA5394

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
