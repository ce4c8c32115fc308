namespace FedHealth.Privacy.Accounting;

/// <summary>Input validation shared by the accountant, the calibration and the ledger.</summary>
internal static class Guard
{
    public static void NoiseMultiplier(double sigma, string name)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(name, sigma, "The noise multiplier σ must be a finite number > 0.");
        }
    }

    public static void SamplingRate(double q, string name)
    {
        if (!(q > 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(name, q, "The sampling rate q must be in (0, 1].");
        }
    }

    public static void Delta(double delta, string name)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(name, delta, "δ must be in (0, 1).");
        }
    }

    public static void Steps(long steps, string name)
    {
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(name, steps, "The number of steps must be ≥ 0.");
        }
    }

    public static void Order(double order, string name)
    {
        if (!(order > 1) || double.IsInfinity(order))
        {
            throw new ArgumentOutOfRangeException(name, order, "A Rényi order must be a finite number > 1.");
        }
    }
}
