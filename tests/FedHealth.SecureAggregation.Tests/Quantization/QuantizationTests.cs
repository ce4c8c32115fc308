using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.SecureSum;

namespace FedHealth.SecureAggregation.Tests.Quantization;

public sealed class QuantizationTests
{
    [Fact]
    public void A_configuration_that_could_overflow_is_refused()
    {
        var q = new SecAggQuantization(clipRange: 1, scale: 1000, maxWeight: 10_000);

        Assert.Throws<SecureAggregationConfigurationException>(() => q.EnsureNoOverflow(sites: 1000));
        q.EnsureNoOverflow(sites: 200);
    }

    [Theory]
    [InlineData(3, 32)]
    [InlineData(100, 32)]
    [InlineData(1000, 32)]
    [InlineData(1000, 64)]
    public void The_largest_safe_scale_passes_the_overflow_check_and_twice_it_fails(int sites, int bits)
    {
        var q = SecAggQuantization.ForSites(sites, clipRange: 1, maxWeight: 10_000, modulusBits: bits);

        q.EnsureNoOverflow(sites);
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggQuantization(1, q.Scale * 2.01, 10_000, bits).EnsureNoOverflow(sites));
    }

    [Fact]
    public void Too_many_sites_for_the_modulus_are_refused_outright()
    {
        Assert.Throws<SecureAggregationConfigurationException>(() => SecAggQuantization.ForSites(100_000, clipRange: 1, maxWeight: 1_000_000, modulusBits: 32));
    }

    [Fact]
    public void Stochastic_rounding_is_unbiased_and_only_rounds_to_neighbouring_integers()
    {
        var values = Enumerable.Repeat(2.3, 200_000).Concat(Enumerable.Repeat(-0.75, 200_000)).ToArray();
        var rounded = new long[values.Length];

        StochasticRounding.Round(values, rounded);

        Assert.All(rounded.Take(200_000), r => Assert.True(r is 2 or 3));
        Assert.All(rounded.Skip(200_000), r => Assert.True(r is -1 or 0));
        Assert.Equal(2.3, rounded.Take(200_000).Average(), 2);
        Assert.Equal(-0.75, rounded.Skip(200_000).Average(), 2);
    }

    [Fact]
    public void Integers_round_to_themselves()
    {
        var rounded = new long[3];

        StochasticRounding.Round([-4.0, 0.0, 17.0], rounded);

        Assert.Equal([-4L, 0L, 17L], rounded);
    }

    [Fact]
    public void Encoding_puts_the_weight_first_and_clips_values()
    {
        var q = new SecAggQuantization(clipRange: 1, scale: 4, maxWeight: 100);

        var encoded = WeightedUpdateCodec.Encode([5f, -5f, 0.5f], exampleCount: 10, q);

        Assert.Equal(10UL, encoded[0]);
        Assert.Equal(40L, SignedEncoding.Decode(encoded[1], 32));
        Assert.Equal(-40L, SignedEncoding.Decode(encoded[2], 32));
        Assert.Equal(20L, SignedEncoding.Decode(encoded[3], 32));
    }

    [Fact]
    public void Weights_above_the_maximum_count_as_the_maximum()
    {
        var q = new SecAggQuantization(clipRange: 1, scale: 1, maxWeight: 100);

        Assert.Equal(100UL, WeightedUpdateCodec.Encode([0f], exampleCount: 1_000_000, q)[0]);
    }

    [Fact]
    public void Decoding_a_sum_gives_the_weighted_mean()
    {
        var q = new SecAggQuantization(clipRange: 10, scale: 8, maxWeight: 1000);
        var a = WeightedUpdateCodec.Encode([1f, -2f], 30, q);
        var b = WeightedUpdateCodec.Encode([3f, 4f], 10, q);
        var sum = a.Zip(b, (x, y) => (x + y) & uint.MaxValue).ToArray();

        var mean = WeightedUpdateCodec.Decode(sum, q);

        Assert.Equal(40, mean.TotalWeight);
        Assert.Equal(1.5f, mean.Mean[0], 3);
        Assert.Equal(-0.5f, mean.Mean[1], 3);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void Signed_integers_survive_encoding_and_summation(int bits)
    {
        long[] values = [0, 1, -1, 12345, -12345];

        var encoded = SignedEncoding.Encode(values, bits);
        var twice = encoded.Select(v => bits == 64 ? v * 2 : (v * 2) & ((1UL << bits) - 1)).ToArray();

        Assert.Equal(values, SignedEncoding.Decode(encoded, bits));
        Assert.Equal(values.Select(v => v * 2), SignedEncoding.Decode(twice, bits));
    }

    [Fact]
    public void Secure_sum_bounds_accept_exactly_what_fits()
    {
        Assert.True(SecureSumBounds.CanSum(2, (UInt128)int.MaxValue / 2, 32));
        Assert.False(SecureSumBounds.CanSum(2, ((UInt128)int.MaxValue / 2) + 1, 32));
        Assert.True(SecureSumBounds.CanSum(1, long.MaxValue, 64));
    }
}
