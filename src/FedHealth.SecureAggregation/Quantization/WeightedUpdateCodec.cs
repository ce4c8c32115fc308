namespace FedHealth.SecureAggregation.Quantization;

/// <summary>
/// Folds a site's example count into the secure sum: the site sends [w, w·x] (quantized), so the
/// sum is [Σw, Σ w·x] and the weighted mean Σ w·x / Σw comes out without anyone learning one w.
/// </summary>
public static class WeightedUpdateCodec
{
    private const int Batch = 4096;

    /// <summary>[w, SR(S·w·clip(x_1)), …, SR(S·w·clip(x_D))] in two's complement mod 2^m; length D + 1.</summary>
    public static ulong[] Encode(ReadOnlySpan<float> update, long exampleCount, SecAggQuantization quantization)
    {
        ArgumentNullException.ThrowIfNull(quantization);
        ArgumentOutOfRangeException.ThrowIfNegative(exampleCount);
        var w = Math.Min(exampleCount, quantization.MaxWeight);
        var bits = quantization.ModulusBits;
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var factor = w * quantization.Scale;
        var clip = quantization.ClipRange;
        var result = new ulong[update.Length + 1];
        result[0] = (ulong)w & mask;
        var scaled = new double[Math.Min(Batch, update.Length)];
        var rounded = new long[scaled.Length];
        for (var start = 0; start < update.Length; start += Batch)
        {
            var count = Math.Min(Batch, update.Length - start);
            for (var i = 0; i < count; i++)
            {
                var x = update[start + i];
                if (float.IsNaN(x))
                {
                    throw new ArgumentException("The update holds a NaN.", nameof(update));
                }

                scaled[i] = factor * Math.Clamp(x, -clip, clip);
            }

            StochasticRounding.Round(scaled.AsSpan(0, count), rounded.AsSpan(0, count));
            for (var i = 0; i < count; i++)
            {
                result[start + i + 1] = (ulong)rounded[i] & mask;
            }
        }

        return result;
    }

    /// <summary>The weighted mean from a secure sum of encoded updates.</summary>
    public static WeightedMean Decode(ReadOnlySpan<ulong> sum, SecAggQuantization quantization)
    {
        ArgumentNullException.ThrowIfNull(quantization);
        if (sum.Length < 1)
        {
            throw new ArgumentException("The sum holds no weight element.", nameof(sum));
        }

        var bits = quantization.ModulusBits;
        var total = SecureSum.SignedEncoding.Decode(sum[0], bits);
        var mean = new float[sum.Length - 1];
        if (total <= 0)
        {
            return new WeightedMean(mean, total);
        }

        var divisor = total * quantization.Scale;
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = (float)(SecureSum.SignedEncoding.Decode(sum[i + 1], bits) / divisor);
        }

        return new WeightedMean(mean, total);
    }
}
