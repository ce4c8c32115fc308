namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Exact discrete Laplace on ℤ with scale t/s: P(x) ∝ exp(−|x|·s/t)
/// (Canonne, Kamath, Steinke 2020, Algorithm 2), from uniform integers and exact Bernoullis only.
/// </summary>
public sealed class DiscreteLaplaceSampler
{
    private readonly IRandomSource _random;
    private readonly ulong _t;
    private readonly ulong _s;
    private ulong _bits;
    private int _bitsLeft;

    public DiscreteLaplaceSampler(IRandomSource random, ulong scaleNumerator, ulong scaleDenominator = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (scaleNumerator == 0 || scaleDenominator == 0 || scaleNumerator > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(scaleNumerator), "The scale t/s needs 0 < t < 2^63 and s > 0.");
        }

        _random = random;
        _t = scaleNumerator;
        _s = scaleDenominator;
    }

    public long Sample()
    {
        while (true)
        {
            var u = UniformInteger.Below(_random, _t);
            if (!ExactBernoulli.ExpMinusFraction(_random, (UInt128)u, (UInt128)_t))
            {
                continue;
            }

            ulong v = 0;
            while (ExactBernoulli.ExpMinusOne(_random))
            {
                v++;
            }

            var x = u + (UInt128)_t * v;
            var y = _s == 1 ? x : x / _s;
            var negative = NextBit();
            if (negative && y == 0)
            {
                continue;
            }

            var magnitude = checked((long)y);
            return negative ? -magnitude : magnitude;
        }
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
