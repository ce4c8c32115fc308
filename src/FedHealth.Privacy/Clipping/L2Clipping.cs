namespace FedHealth.Privacy.Clipping;

/// <summary>
/// L2 norm clipping: x ← x · min(1, C/‖x‖). The guarantee is on the stored float values: after
/// clipping, their exact norm (accumulated in double) is ≤ C, even though rounding each coordinate
/// to float could otherwise push it a few ulps above C. This is the sensitivity bound DP rests on.
/// </summary>
public static class L2Clipping
{
    /// <summary>‖v‖₂, accumulated in double.</summary>
    public static double Norm(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Clips <paramref name="values"/> in place to norm ≤ <paramref name="clip"/>; returns the norm before clipping.</summary>
    public static double ClipInPlace(Span<float> values, double clip)
    {
        ValidateClip(clip);
        var norm = Norm(values);
        if (!double.IsFinite(norm))
        {
            throw new ArgumentException("The vector has non-finite values; it cannot be clipped.", nameof(values));
        }

        var current = norm;
        while (current > clip)
        {
            // Aim slightly inside the ball so that float rounding cannot land outside it.
            var factor = clip / current * (1 - 1e-6);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] * factor);
            }

            current = Norm(values);
        }

        return norm;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> clipped to norm ≤ <paramref name="clip"/>; returns the original norm.</summary>
    public static double ClipTo(ReadOnlySpan<float> source, Span<float> destination, double clip)
    {
        if (destination.Length != source.Length)
        {
            throw new ArgumentException("Source and destination lengths differ.", nameof(destination));
        }

        source.CopyTo(destination);
        return ClipInPlace(destination, clip);
    }

    internal static void ValidateClip(double clip)
    {
        if (!(clip > 0) || double.IsInfinity(clip))
        {
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clipping norm C must be a finite number > 0.");
        }
    }
}
