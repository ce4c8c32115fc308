namespace FedHealth.Privacy.Distributed;

/// <summary>
/// Whether the secure sum can wrap around the modulus 2^bits. After the shared random rotation, one
/// coordinate of the sum of n clipped vectors (‖Σxᵢ‖ ≤ nC) is a Rademacher sum with variance proxy
/// (nCs)²/d, so by Hoeffding and a union bound over the d coordinates, with probability ≥ 1 − β/2
/// every coordinate is within nCs·√(2 ln(4d/β)/d). Rounding adds less than n; the summed discrete
/// Gaussian noise is σ_total²-sub-Gaussian (CKS 2020), within σ_total·√(2 ln(4d/β)) with probability
/// ≥ 1 − β/2. The configuration is safe when the total stays below 2^(bits−1) (signed representation).
/// </summary>
public static class ModularWrapAround
{
    public static WrapAroundCheck Check(
        double clip,
        int paddedDimension,
        int sites,
        int modulusBits,
        double scale,
        double totalNoiseStdDev,
        double failureProbability = 1e-9)
    {
        if (!(clip > 0) || !(scale > 0) || !(totalNoiseStdDev >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(clip), "The clip and scale must be > 0 and the noise ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(paddedDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        if (modulusBits is < 2 or > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(modulusBits), modulusBits, "The modulus must be 2^2 … 2^63.");
        }

        if (!(failureProbability > 0 && failureProbability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(failureProbability), failureProbability, "β must be in (0, 1).");
        }

        var logTerm = 2 * Math.Log(4.0 * paddedDimension / failureProbability);
        var signal = sites * clip * scale * Math.Sqrt(logTerm / paddedDimension);
        var noise = totalNoiseStdDev * Math.Sqrt(logTerm);
        var bound = signal + sites + noise;
        var limit = Math.Pow(2, modulusBits - 1);
        var safe = bound < limit;
        var message = safe
            ? $"Safe: every coordinate of the sum stays within ±{bound:G4} < 2^{modulusBits - 1} with probability ≥ 1 − {failureProbability:G2}."
            : $"Modular wrap-around is likely: coordinates of the sum may reach ±{bound:G4} " +
              $"(signal {signal:G4} + rounding {sites} + noise {noise:G4}) but the modulus 2^{modulusBits} holds only ±{limit:G4}. " +
              "Lower the quantization scale, raise the modulus bits, or lower the clip.";
        return new WrapAroundCheck(safe, bound, limit, failureProbability, message);
    }
}
