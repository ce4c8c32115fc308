namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Continuous N(0, 1) from CSPRNG-uniform doubles of 53-bit resolution (Box–Muller).
/// Floating-point noise leaks through the gaps and rounding of its outputs (Mironov 2012; the
/// Gaussian is not immune), so this is only the central path when secure aggregation is off;
/// the secure path adds integer-domain discrete Gaussian noise (<see cref="DiscreteGaussianSampler"/>).
/// </summary>
public sealed class GaussianSampler(IRandomSource random)
{
    private readonly IRandomSource _random = random ?? throw new ArgumentNullException(nameof(random));
    private double _spare;
    private bool _hasSpare;

    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var u1 = ((_random.NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53)); // (0, 1]
        var u2 = (_random.NextUInt64() >> 11) * (1.0 / (1UL << 53));       // [0, 1)
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2 * Math.PI * u2);
        _spare = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }

    /// <summary>N(0, <paramref name="standardDeviation"/>²).</summary>
    public double Next(double standardDeviation) => standardDeviation * Next();
}
