namespace FedHealth.Privacy.Clipping;

/// <summary>
/// DP-SGD's per-example clipping on a row-major matrix of per-example gradients
/// (one row of <c>dimension</c> values per example), as the training code computes them
/// (see docs/privacy.md for how, without vmap).
/// </summary>
public static class PerExampleClipping
{
    /// <summary>Clips every row in place; returns the norms before clipping.</summary>
    public static double[] ClipEach(Span<float> gradients, int exampleCount, double clip)
    {
        var dimension = Dimension(gradients.Length, exampleCount);
        var norms = new double[exampleCount];
        for (var i = 0; i < exampleCount; i++)
        {
            norms[i] = L2Clipping.ClipInPlace(gradients.Slice(i * dimension, dimension), clip);
        }

        return norms;
    }

    /// <summary>
    /// Σᵢ clip(gᵢ) into <paramref name="sum"/> (overwritten), without modifying the gradients.
    /// Adding or removing one example changes the sum by at most <paramref name="clip"/> in L2.
    /// </summary>
    public static ClippingSummary ClipAndSum(ReadOnlySpan<float> gradients, int exampleCount, double clip, Span<float> sum)
    {
        L2Clipping.ValidateClip(clip);
        var dimension = Dimension(gradients.Length, exampleCount);
        if (sum.Length != dimension)
        {
            throw new ArgumentException($"The sum needs {dimension} values, not {sum.Length}.", nameof(sum));
        }

        var accumulator = new double[dimension];
        var row = new float[dimension];
        var clipped = 0;
        var normSum = 0.0;
        var maxNorm = 0.0;
        for (var i = 0; i < exampleCount; i++)
        {
            var norm = L2Clipping.ClipTo(gradients.Slice(i * dimension, dimension), row, clip);
            clipped += norm > clip ? 1 : 0;
            normSum += norm;
            maxNorm = Math.Max(maxNorm, norm);
            for (var j = 0; j < dimension; j++)
            {
                accumulator[j] += row[j];
            }
        }

        for (var j = 0; j < dimension; j++)
        {
            sum[j] = (float)accumulator[j];
        }

        return new ClippingSummary(exampleCount, clipped, exampleCount == 0 ? 0 : normSum / exampleCount, maxNorm);
    }

    private static int Dimension(int length, int exampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exampleCount);
        if (exampleCount == 0)
        {
            return length == 0 ? 0 : throw new ArgumentException("No examples but a non-empty gradient matrix.", nameof(exampleCount));
        }

        if (length % exampleCount != 0)
        {
            throw new ArgumentException($"{length} values do not split into {exampleCount} equal rows.", nameof(exampleCount));
        }

        return length / exampleCount;
    }
}
