namespace FedHealth.Privacy.Distributed;

/// <summary>
/// Sensitivity of a site's vector after scaling by s and randomized rounding to integers
/// (Kairouz, Liu, Steinke 2021, Theorem 1 / Proposition 22). With plain randomized rounding each
/// coordinate moves by less than 1, so ‖x̃‖₂ ≤ sC + √d. With conditional rounding (re-round until
/// ‖x̃‖₂² ≤ (sC)² + d/4 + √(2 ln(1/β))·(sC + √d/2), which fails with probability ≤ β) the tighter bound holds.
/// </summary>
public static class QuantizedSensitivity
{
    /// <summary>L2 bound after rounding, given the scaled clip sC, the (padded) dimension d and β (0 for plain rounding).</summary>
    public static double L2(double scaledClip, int dimension, double beta)
    {
        if (!(scaledClip > 0) || double.IsInfinity(scaledClip))
        {
            throw new ArgumentOutOfRangeException(nameof(scaledClip), scaledClip, "The scaled clip must be > 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be in [0, 1).");
        }

        var plain = scaledClip + Math.Sqrt(dimension);
        if (beta == 0)
        {
            return plain;
        }

        var squared = scaledClip * scaledClip + 0.25 * dimension
                      + Math.Sqrt(2 * Math.Log(1 / beta)) * (scaledClip + 0.5 * Math.Sqrt(dimension));
        return Math.Min(plain, Math.Sqrt(squared));
    }

    /// <summary>L1 bound of an integer vector with the given L2 bound: ≤ √d·L2 and ≤ L2².</summary>
    public static double L1(double l2Bound, int dimension) =>
        l2Bound * Math.Min(Math.Sqrt(dimension), l2Bound);
}
