using FedHealth.SecureAggregation.SecureSum;

namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// <see cref="SufficientStatistics"/> as a vector of integers mod 2^m for the secure sum, and the
/// pooled sum back. Counts travel as they are; Σx and Σx² in fixed point, round(s · 2^f) with ties
/// to even; all in two's complement (<see cref="SignedEncoding"/>). The first element is 1, so the
/// sum counts the vectors in it (which bounds the rounding error, and must not exceed
/// <see cref="MaxSites"/>). Every site and the decoder must use equal parameters.
/// </summary>
/// <remarks>
/// <para>Precision: counts are exact; a site's Σx and Σx² are off by at most half a step,
/// 2^−(f+1) (7.6·10⁻⁶ at f = 16), so the pooled sums by at most sites · 2^−(f+1).</para>
/// <para>Range: the sum of <see cref="MaxSites"/> elements of magnitude at most
/// <see cref="MaxAbsPerSite"/> = ⌊(2^(m−1) − 1) / MaxSites⌋ cannot wrap (the bound of
/// <see cref="SecureSumBounds"/>), and a site refuses to encode anything larger. The defaults (m = 64,
/// f = 16, 1000 sites) let one site send sums up to 1.4·10¹¹: Σx² of a cholesterol-like column
/// (values up to 600) over 10⁴ rows is 3.6·10⁹, 39 times below that. f = 20 would leave 2.4 times.</para>
/// <para>Rounding is deterministic rather than stochastic: the statistics are summed once, not over
/// many rounds, so half a step of bias is negligible, and a simulation reproduces what the deployed
/// protocol computes bit for bit.</para>
/// </remarks>
public sealed record StatisticsEncoding
{
    public const int DefaultModulusBits = 64;
    public const int DefaultFractionBits = 16;
    public const int DefaultMaxSites = 1000;

    private const double TwoToThe63 = 9223372036854775808.0;

    // The vector count and the row count come before the columns.
    private const int Header = 2;

    public StatisticsEncoding(int modulusBits = DefaultModulusBits, int fractionBits = DefaultFractionBits, int maxSites = DefaultMaxSites)
    {
        if (modulusBits is < 2 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(modulusBits), modulusBits, "The modulus is 2^m with 2 ≤ m ≤ 64.");
        }

        if (fractionBits < 0 || fractionBits > modulusBits - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(fractionBits), fractionBits, $"Fraction bits must be between 0 and m − 2 = {modulusBits - 2}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxSites, 1);
        var maxAbs = ((UInt128.One << (modulusBits - 1)) - 1) / (UInt128)maxSites;
        if (maxAbs == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSites), maxSites, $"2^{modulusBits} leaves no room for {maxSites} sites.");
        }

        ModulusBits = modulusBits;
        FractionBits = fractionBits;
        MaxSites = maxSites;
        MaxAbsPerSite = maxAbs;
    }

    /// <summary>m: the secure sum works mod 2^m.</summary>
    public int ModulusBits { get; }

    /// <summary>f: sums travel in steps of 2^−f.</summary>
    public int FractionBits { get; }

    /// <summary>The most sites whose vectors may be summed.</summary>
    public int MaxSites { get; }

    /// <summary>The largest magnitude of one site's encoded element.</summary>
    public UInt128 MaxAbsPerSite { get; }

    /// <summary>2^f, the number of steps per unit.</summary>
    public double Scale => Math.ScaleB(1.0, FractionBits);

    /// <summary>
    /// The vector length for <paramref name="rawColumns"/> raw input columns, known from the layout
    /// alone: [1, rows, then observed, Σx, Σx² of each column].
    /// </summary>
    public static int Length(int rawColumns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rawColumns);
        return checked(Header + (3 * rawColumns));
    }

    /// <summary>One site's vector, of <see cref="Length"/> elements.</summary>
    /// <exception cref="StatisticsOverflowException">An element is larger than <see cref="MaxAbsPerSite"/>.</exception>
    public ulong[] Encode(SufficientStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var result = new ulong[Length(statistics.Columns.Length)];
        result[0] = 1;
        result[1] = Element(statistics.Rows, null, "row count");
        for (var c = 0; c < statistics.Columns.Length; c++)
        {
            var column = statistics.Columns[c];
            var at = Header + (3 * c);
            result[at] = Element(column.Observed, c, "count of observed values");
            result[at + 1] = Element(Fixed(column.Sum, c, "sum"), c, "sum");
            result[at + 2] = Element(Fixed(column.SumOfSquares, c, "sum of squares"), c, "sum of squares");
        }

        return result;
    }

    /// <summary>
    /// The pooled statistics from the secure sum of the sites' vectors, with
    /// <see cref="SufficientStatistics.SumError"/> = vectors × 2^−(f+1).
    /// </summary>
    public SufficientStatistics Decode(ReadOnlySpan<ulong> sum)
    {
        if (sum.Length < Header || (sum.Length - Header) % 3 != 0)
        {
            throw new ArgumentException($"A vector of {sum.Length} elements is not {Header} + 3 × columns long.", nameof(sum));
        }

        var values = SignedEncoding.Decode(sum, ModulusBits);
        var vectors = values[0];
        if (vectors < 0 || vectors > MaxSites)
        {
            throw new ArgumentException($"The sum holds {vectors} vectors; between 0 and {MaxSites} can be summed without wrapping.", nameof(sum));
        }

        var columns = new ColumnSums[(sum.Length - Header) / 3];
        for (var c = 0; c < columns.Length; c++)
        {
            var at = Header + (3 * c);
            columns[c] = new ColumnSums(values[at], values[at + 1] / Scale, values[at + 2] / Scale);
        }

        return new SufficientStatistics(values[1], columns, vectors * Math.ScaleB(0.5, -FractionBits));
    }

    /// <summary>
    /// What the secure sum of the sites' vectors decodes to, computed in one process (simulations):
    /// the same encoding, rounding and refusals as the deployed protocol, so the same result.
    /// </summary>
    public SufficientStatistics Pool(IReadOnlyList<SufficientStatistics> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (sites.Count < 1 || sites.Count > MaxSites)
        {
            throw new ArgumentException($"Between 1 and {MaxSites} sites can be pooled, not {sites.Count}.", nameof(sites));
        }

        var mask = ModulusBits == 64 ? ulong.MaxValue : (1UL << ModulusBits) - 1;
        var sum = Encode(sites[0]);
        foreach (var site in sites.Skip(1))
        {
            var vector = Encode(site);
            if (vector.Length != sum.Length)
            {
                throw new ArgumentException("The sites' statistics have different numbers of columns.", nameof(sites));
            }

            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] = unchecked(sum[i] + vector[i]) & mask;
            }
        }

        return Decode(sum);
    }

    private long Fixed(double value, int column, string statistic)
    {
        var scaled = Math.Round(value * Scale, MidpointRounding.ToEven);

        // Also catches infinities and NaN, before the cast could overflow.
        if (!(Math.Abs(scaled) < TwoToThe63))
        {
            throw Overflow(column, statistic);
        }

        return (long)scaled;
    }

    private ulong Element(long value, int? column, string statistic)
    {
        var magnitude = value < 0 ? (UInt128)(-(Int128)value) : (UInt128)value;
        if (!SecureSumBounds.CanSum(MaxSites, magnitude, ModulusBits))
        {
            throw Overflow(column, statistic);
        }

        return SignedEncoding.Encode(value, ModulusBits);
    }

    private StatisticsOverflowException Overflow(int? column, string statistic) =>
        new(
            (column is { } c ? $"The {statistic} of raw column {c}" : $"The {statistic}") +
            $" is too large for a secure sum of up to {MaxSites} sites mod 2^{ModulusBits} in steps of 2^-{FractionBits}: " +
            "use fewer fraction bits, fewer sites or rescale the column.",
            column);
}
