using System.Numerics;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Exact discrete Gaussian N_ℤ(0, σ²) with rational σ²: P(x) ∝ exp(−x²/(2σ²)) on ℤ
/// (Canonne, Kamath, Steinke 2020, Algorithm 3): draw Y from the discrete Laplace of scale
/// t = ⌊σ⌋ + 1 and accept with probability exp(−(|Y| − σ²/t)²/(2σ²)), computed exactly.
/// </summary>
/// <remarks>
/// The acceptance exponent is (|Y|·d·t − n)²/(2·n·d·t²) for σ² = n/d. When those integers fit,
/// the hot path runs in <see cref="UInt128"/>; otherwise (huge σ or |Y|) it falls back to
/// <see cref="BigInteger"/> with the same algorithm, so the output is exact either way.
/// </remarks>
public sealed class DiscreteGaussianSampler
{
    private static readonly BigInteger FastLimit = BigInteger.One << 120;

    private readonly IRandomSource _random;
    private readonly DiscreteLaplaceSampler _laplace;
    private readonly BigInteger _n;
    private readonly BigInteger _d;
    private readonly BigInteger _t;
    private readonly BigInteger _denominator;
    private readonly bool _fast;
    private readonly UInt128 _n128;
    private readonly UInt128 _dt128;
    private readonly UInt128 _denominator128;
    private readonly ulong _maxFastMagnitude;

    public DiscreteGaussianSampler(IRandomSource random, Rational sigmaSquared)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (sigmaSquared.Numerator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ² must be > 0.");
        }

        _random = random;
        SigmaSquared = sigmaSquared;
        _n = sigmaSquared.Numerator;
        _d = sigmaSquared.Denominator;
        _t = sigmaSquared.FloorSqrt() + 1;
        if (_t > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ must be < 2^63.");
        }

        _laplace = new DiscreteLaplaceSampler(random, (ulong)_t);
        _denominator = 2 * _n * _d * _t * _t;
        var dt = _d * _t;
        _fast = _denominator < FastLimit && _n <= ulong.MaxValue && dt <= ulong.MaxValue;
        if (_fast)
        {
            _n128 = (UInt128)_n;
            _dt128 = (UInt128)dt;
            _denominator128 = (UInt128)_denominator;
            _maxFastMagnitude = (ulong)(ulong.MaxValue / (UInt128)dt);
        }
    }

    public Rational SigmaSquared { get; }

    public long Sample()
    {
        while (true)
        {
            var y = _laplace.Sample();
            var magnitude = (ulong)Math.Abs(y);
            bool accept;
            if (_fast && magnitude <= _maxFastMagnitude)
            {
                var a = magnitude * _dt128; // < 2^64
                var diff = a >= _n128 ? a - _n128 : _n128 - a;
                accept = ExactBernoulli.ExpMinus(_random, diff * diff, _denominator128);
            }
            else
            {
                var diff = magnitude * _d * _t - _n;
                accept = ExactBernoulli.ExpMinus<BigInteger>(_random, diff * diff, _denominator);
            }

            if (accept)
            {
                return y;
            }
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

    /// <summary>Adds independent samples to each coordinate (no overflow check beyond checked arithmetic).</summary>
    public void AddTo(Span<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = checked(values[i] + Sample());
        }
    }
}
