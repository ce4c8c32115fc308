using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// The exact discrete Gaussian N_ℤ(0, σ²) at table speed: rejection sampling from a dyadic
/// envelope drawn with one 64-bit word through an integer alias table, accepted with one more
/// word against double-precision bounds that are rigorous (directed rounding from exact seeds),
/// and, when those bounds cannot decide, by <see cref="LazyExpComparison"/> in exact arithmetic.
/// </summary>
/// <remarks>
/// For |x| = m the envelope is G[m]·2^−64 ≥ s·c_m·exp(−m²/(2σ²)) (c_0 = 1, c_m = 2: the sign is a
/// separate fair bit) for m below the reach T; beyond it one alias entry stands for a geometric
/// envelope W·(1 − ρ)·ρ^(m−T) with rational ρ ≥ exp(−T/σ²), which dominates the Gaussian tail
/// because m² − T² ≥ 2T(m − T). What is left of the 2^64 weights is a "draw again" entry. Each
/// accepted m then has probability s·c_m·exp(−m²/(2σ²))·2^−64, so the output is exactly the
/// discrete Gaussian, as with <see cref="DiscreteGaussianSampler"/>; only the random source's
/// quality limits it. The alias draw, the acceptance word and the sign cost about 2.1 words.
/// </remarks>
public sealed class DiscreteGaussianTableSampler
{
    /// <summary>The largest table (entries of |x|); wider distributions use <see cref="DiscreteGaussianSampler"/>.</summary>
    public const int MaxEntries = 1 << 20;

    private const double DefaultReachInSigmas = 10;

    /// <summary>The table must reach this many σ for the slow tail to stay rare.</summary>
    private const double MinimumReachInSigmas = 6;

    private readonly IRandomSource _random;
    private readonly BigInteger _gammaDenominator;
    private readonly BigInteger _sigmaDenominator;
    private readonly BigInteger _scaleNumerator;
    private readonly BigInteger _scaleDenominator;
    private readonly int _reach;
    private readonly int _shift;
    private readonly ulong _lowMask;
    private readonly ulong[] _threshold;
    private readonly int[] _alias;
    private readonly ulong[] _envelope;
    private readonly ulong[] _acceptBelow;
    private readonly ulong[] _rejectFrom;
    private readonly ulong _tailWeight;
    private readonly ulong _rho;
    private readonly bool _exactComparisonsOnly;
    private ulong _bits;
    private int _bitsLeft;

    public DiscreteGaussianTableSampler(IRandomSource random, Rational sigmaSquared)
        : this(random, sigmaSquared, DefaultReachInSigmas, exactComparisonsOnly: false)
    {
    }

    /// <summary>For tests: a short <paramref name="reachInSigmas"/> exercises the tail; <paramref name="exactComparisonsOnly"/> the exact slow path.</summary>
    internal DiscreteGaussianTableSampler(IRandomSource random, Rational sigmaSquared, double reachInSigmas, bool exactComparisonsOnly)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!CanTabulate(sigmaSquared))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, $"σ² must be > 0 and σ at most {MaxEntries / MinimumReachInSigmas:F0} for a table.");
        }

        _random = random;
        SigmaSquared = sigmaSquared;
        _exactComparisonsOnly = exactComparisonsOnly;
        _sigmaDenominator = sigmaSquared.Denominator;
        _gammaDenominator = 2 * sigmaSquared.Numerator; // m²/(2σ²) = m²·d/(2n)
        var sigma = Math.Sqrt(sigmaSquared.Value);
        _reach = (int)Math.Min(MaxEntries - 2, Math.Ceiling(reachInSigmas * sigma) + 2);

        var (lower, upper) = GaussianEnvelopeBounds.Weights(sigmaSquared, _reach);
        _rho = (ulong)ExpBounds.Of(_reach * sigmaSquared.Denominator, sigmaSquared.Numerator, 32).Hi;
        if (_rho >= 1UL << 32)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ is too large for the table's geometric tail.");
        }

        var oneMinusRho = (double)((1UL << 32) - _rho) / (1UL << 32); // exact
        var total = 1.0 + (2 * upper[_reach] / oneMinusRho);
        for (var m = 1; m < _reach; m++)
        {
            total += 2 * upper[m];
        }

        // The envelope's total mass must fit 2^64 exactly; aim a little below and shrink if rounding up overshoots.
        var scale = Math.ScaleB(0.96, 64) / total;
        _envelope = new ulong[_reach];
        while (true)
        {
            UInt128 sum = 0;
            for (var m = 0; m < _reach; m++)
            {
                _envelope[m] = (ulong)Math.Ceiling(Math.BitIncrement(scale * Multiplicity(m) * upper[m]));
                sum += _envelope[m];
            }

            _tailWeight = Math.Max(1, (ulong)Math.Ceiling(Math.BitIncrement(Math.BitIncrement(scale * 2 * upper[_reach]) / oneMinusRho)));
            sum += _tailWeight;
            if (sum <= (UInt128)ulong.MaxValue + 1)
            {
                var weights = new UInt128[_reach + 2];
                for (var m = 0; m < _reach; m++)
                {
                    weights[m] = _envelope[m];
                }

                weights[_reach] = _tailWeight;
                weights[_reach + 1] = ((UInt128)ulong.MaxValue + 1) - sum;
                (_threshold, _alias, _shift) = IntegerAliasTable.Build(weights);
                break;
            }

            scale *= 0.98;
        }

        _lowMask = _shift == 64 ? ulong.MaxValue : (1UL << _shift) - 1;
        var exactScale = Rational.FromDouble(scale);
        _scaleNumerator = exactScale.Numerator;
        _scaleDenominator = exactScale.Denominator;
        (_acceptBelow, _rejectFrom) = GaussianEnvelopeBounds.Thresholds(scale, lower, upper, _envelope);
    }

    public Rational SigmaSquared { get; }

    /// <summary>Whether a table of at most <see cref="MaxEntries"/> entries reaches far enough for σ².</summary>
    public static bool CanTabulate(Rational sigmaSquared) =>
        !sigmaSquared.Numerator.IsZero && Math.Sqrt(sigmaSquared.Value) * MinimumReachInSigmas <= MaxEntries - 2;

    public long Sample()
    {
        while (true)
        {
            var word = _random.NextUInt64();
            var column = (int)(word >> _shift);
            var index = (word & _lowMask) < _threshold[column] ? column : _alias[column];
            long magnitude;
            if (index < _reach)
            {
                if (!Accept(index))
                {
                    continue;
                }

                magnitude = index;
            }
            else if (index == _reach)
            {
                var tail = AcceptTail();
                if (tail < 0)
                {
                    continue;
                }

                magnitude = tail;
            }
            else
            {
                continue;
            }

            return magnitude == 0 ? 0 : NextBit() ? -magnitude : magnitude;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with independent samples.</summary>
    public void Fill(Span<long> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Sample();
        }
    }

    /// <summary>Adds independent samples to each coordinate (checked arithmetic).</summary>
    public void AddTo(Span<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = checked(values[i] + Sample());
        }
    }

    /// <summary>c_m: |x| = m &gt; 0 stands for two integers, ±m.</summary>
    internal static int Multiplicity(int m) => m == 0 ? 1 : 2;

    private bool Accept(int m)
    {
        var u = _random.NextUInt64();
        if (!_exactComparisonsOnly)
        {
            if (u < _acceptBelow[m])
            {
                return true;
            }

            if (_rejectFrom[m] != 0 && u >= _rejectFrom[m])
            {
                return false;
            }
        }

        return LazyExpComparison.IsBelow(
            _random, u, _scaleNumerator * Multiplicity(m), _scaleDenominator * _envelope[m], (BigInteger)m * m * _sigmaDenominator, _gammaDenominator);
    }

    /// <summary>The tail beyond the reach: a geometric offset, accepted exactly; −1 when rejected.</summary>
    private long AcceptTail()
    {
        long offset = 0;
        while ((_random.NextUInt64() >> 32) < _rho)
        {
            offset++;
        }

        var m = _reach + offset;
        var numerator = _scaleNumerator * 2 << (32 * (int)(offset + 1));
        var denominator = _scaleDenominator * _tailWeight * ((1UL << 32) - _rho) * BigInteger.Pow(_rho, (int)offset);
        var accepted = LazyExpComparison.IsBelow(_random, _random.NextUInt64(), numerator, denominator, (BigInteger)m * m * _sigmaDenominator, _gammaDenominator);
        return accepted ? m : -1;
    }

    private bool NextBit()
    {
        if (_bitsLeft == 0)
        {
            _bits = _random.NextUInt64();
            _bitsLeft = 64;
        }

        var bit = (_bits & 1) == 1;
        _bits >>= 1;
        _bitsLeft--;
        return bit;
    }
}
