using FedHealth.SecureAggregation.Errors;

namespace FedHealth.SecureAggregation.SecureSum;

/// <summary>
/// The overflow check of a secure sum: the sum of <c>sites</c> inputs whose elements lie in
/// [−maxAbs, maxAbs] must stay inside the signed range of the modulus, (−2^(m−1), 2^(m−1)), or the
/// result would silently wrap. The coordinator runs it before a round and refuses a configuration
/// that fails.
/// </summary>
public static class SecureSumBounds
{
    public static bool CanSum(int sites, UInt128 maxAbsPerSite, int modulusBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        if (modulusBits is < 2 or > 64)
        {
            return false;
        }

        var limit = (UInt128.One << (modulusBits - 1)) - 1;
        return maxAbsPerSite <= limit / (UInt128)sites;
    }

    public static void EnsureNoOverflow(int sites, UInt128 maxAbsPerSite, int modulusBits)
    {
        if (!CanSum(sites, maxAbsPerSite, modulusBits))
        {
            throw new SecureAggregationConfigurationException(
                $"{sites} sites with values up to ±{maxAbsPerSite} could overflow the modulus 2^{modulusBits}: lower the range or raise the modulus.");
        }
    }
}
