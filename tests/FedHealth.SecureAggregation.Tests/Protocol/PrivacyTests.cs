using System.Collections;
using System.Runtime.InteropServices;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.Simulation;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Protocol;

public sealed class PrivacyTests
{
    // χ² with 255 degrees of freedom exceeds 377 with probability about 1e-6 (Wilson–Hilferty).
    private const double ChiSquare255At1e6 = 377;

    [Theory]
    [InlineData(0UL)]
    [InlineData(uint.MaxValue)]
    public void A_masked_vector_is_indistinguishable_from_uniform(ulong constant)
    {
        const int length = 1 << 16;
        var masked = new List<byte[]>();
        var session = new InProcessSession(
            Sessions.Study, 1, Sessions.Sites(4), new SecAggParameters(3, 2), length, _ => Enumerable.Repeat(constant, length).ToArray())
        {
            Policy = Sessions.Lenient,
            OnCoordinatorReceives = (_, m) =>
            {
                if (m is SecAggMaskedInput input)
                {
                    masked.Add(input.MaskedVector);
                }
            },
        };

        InProcessRunner.Run(session);

        Assert.Equal(4, masked.Count);
        foreach (var vector in masked)
        {
            var bytes = new long[256];
            var topBytes = new long[256];
            foreach (var b in vector)
            {
                bytes[b]++;
            }

            foreach (var word in MemoryMarshal.Cast<byte, uint>(vector))
            {
                topBytes[word >> 24]++;
            }

            Assert.True(ChiSquare(bytes) < ChiSquare255At1e6, $"bytes: χ² = {ChiSquare(bytes):F0}");
            Assert.True(ChiSquare(topBytes) < ChiSquare255At1e6, $"top bytes: χ² = {ChiSquare(topBytes):F0}");
        }
    }

    [Fact]
    public void No_plaintext_update_or_example_count_reaches_the_coordinator()
    {
        var sites = Sessions.Sites(5);
        var quantization = SecAggQuantization.ForSites(sites.Length, clipRange: 1, maxWeight: 1_000_000);
        var weights = sites.Select((s, i) => (s, w: 314_159L + (i * 271_828L))).ToDictionary(x => x.s, x => x.w);
        var updates = sites.ToDictionary(s => s, s => Enumerable.Range(0, 200).Select(i => (float)Math.Sin(i + s.Value.GetHashCode(StringComparison.Ordinal))).ToArray());
        var encoded = sites.ToDictionary(s => s, s => WeightedUpdateCodec.Encode(updates[s], weights[s], quantization));
        var received = new List<IRoundMessage>();
        var session = new InProcessSession(Sessions.Study, 1, sites, new SecAggParameters(4, 3), 201, s => encoded[s])
        {
            Policy = Sessions.Lenient,
            Dropouts = new Dictionary<SiteId, SecAggStage> { [sites[4]] = SecAggStage.MaskedInput },
            OnCoordinatorReceives = (_, m) => received.Add(m),
        };

        var outcome = InProcessRunner.Run(session);

        Assert.NotNull(outcome.Result);
        Assert.Equal(
            new[] { typeof(SecAggAdvertiseKeys), typeof(SecAggShareKeys), typeof(SecAggMaskedInput), typeof(SecAggSurvivorsSignature), typeof(SecAggUnmaskShares) },
            received.Select(m => m.GetType()).Distinct().ToArray());
        var secrets = sites.SelectMany(s => Windows(encoded[s])).ToList();
        foreach (var message in received)
        {
            foreach (var value in Leaves(message))
            {
                switch (value)
                {
                    case byte[] bytes:
                        Assert.DoesNotContain(secrets, w => bytes.AsSpan().IndexOf(w) >= 0);
                        Assert.DoesNotContain(weights.Values, w => bytes.AsSpan().IndexOf(BitConverter.GetBytes((uint)w)) >= 0);
                        break;
                    case long or int or ulong or uint or double or float:
                        Assert.DoesNotContain(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), weights.Values.Select(w => (double)w));
                        break;
                    case string:
                    case SiteId:
                    case StudyId:
                    case SecAggStage:
                        break;
                    default:
                        Assert.Fail($"{message.GetType().Name} carries a {value.GetType().Name}.");
                        break;
                }
            }
        }
    }

    private static IEnumerable<byte[]> Windows(ulong[] encoded)
    {
        // Every 16-byte window of the plaintext as it would travel (4-byte little-endian words).
        var bytes = MemoryMarshal.AsBytes(encoded.Select(v => (uint)v).ToArray().AsSpan()).ToArray();
        for (var i = 0; i + 16 <= bytes.Length; i += 4)
        {
            yield return bytes[i..(i + 16)];
        }
    }

    private static IEnumerable<object> Leaves(object value)
    {
        if (value is byte[] or string or SiteId or StudyId or SecAggStage || value.GetType().IsPrimitive)
        {
            yield return value;
            yield break;
        }

        if (value is IEnumerable list)
        {
            foreach (var item in list)
            {
                foreach (var leaf in Leaves(item!))
                {
                    yield return leaf;
                }
            }

            yield break;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            foreach (var leaf in Leaves(property.GetValue(value)!))
            {
                yield return leaf;
            }
        }
    }

    private static double ChiSquare(long[] counts)
    {
        double expected = counts.Sum() / (double)counts.Length;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
