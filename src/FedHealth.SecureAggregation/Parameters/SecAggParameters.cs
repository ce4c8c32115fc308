using FedHealth.SecureAggregation.Errors;

namespace FedHealth.SecureAggregation.Parameters;

/// <summary>
/// The numbers one session runs with: each site has <see cref="Neighbours"/> neighbours (k; k ≥ n − 1
/// means the complete graph of the original SecAgg), secrets are shared <see cref="Threshold"/>-of-k
/// (t), and the sum is taken modulo 2^<see cref="ModulusBits"/>.
/// </summary>
public sealed record SecAggParameters
{
    public SecAggParameters(int neighbours, int threshold, int modulusBits = 32)
    {
        if (neighbours < 2)
        {
            throw new SecureAggregationConfigurationException($"Each site needs at least 2 neighbours, not {neighbours}.");
        }

        if (threshold < 1 || threshold > neighbours)
        {
            throw new SecureAggregationConfigurationException($"The threshold must lie in [1, {neighbours}], not {threshold}.");
        }

        if (2 * threshold <= neighbours)
        {
            throw new SecureAggregationConfigurationException(
                $"The threshold {threshold} must exceed half of the {neighbours} neighbours, or a coordinator that lies about dropouts could collect both shares of one site.");
        }

        if (modulusBits is < 2 or > 64)
        {
            throw new SecureAggregationConfigurationException($"The modulus must be 2^m with 2 ≤ m ≤ 64, not m = {modulusBits}.");
        }

        Neighbours = neighbours;
        Threshold = threshold;
        ModulusBits = modulusBits;
    }

    public int Neighbours { get; }

    public int Threshold { get; }

    public int ModulusBits { get; }

    /// <summary>Bytes per element on the wire: 4 up to 2^32, 8 above.</summary>
    public int BytesPerElement => ModulusBits <= 32 ? 4 : 8;

    /// <summary>2^m − 1.</summary>
    public ulong ModulusMask => ModulusBits == 64 ? ulong.MaxValue : (1UL << ModulusBits) - 1;
}
