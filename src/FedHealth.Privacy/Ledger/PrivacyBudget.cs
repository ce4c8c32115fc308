using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Ledger;

/// <summary>The most a study may spend: (ε_max, δ), applied to each scope that is on.</summary>
public sealed record PrivacyBudget
{
    public PrivacyBudget(double maxEpsilon, double delta)
    {
        if (!(maxEpsilon > 0) || double.IsInfinity(maxEpsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpsilon), maxEpsilon, "ε_max must be a finite number > 0.");
        }

        Guard.Delta(delta, nameof(delta));
        MaxEpsilon = maxEpsilon;
        Delta = delta;
    }

    public double MaxEpsilon { get; }

    public double Delta { get; }
}
