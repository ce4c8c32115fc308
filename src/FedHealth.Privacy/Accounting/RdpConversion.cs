namespace FedHealth.Privacy.Accounting;

/// <summary>RDP → (ε, δ)-DP.</summary>
public static class RdpConversion
{
    /// <summary>
    /// The improved conversion of Canonne, Kamath, Steinke 2020 (Proposition 12), as in
    /// dp_accounting: ε = min_α [ rdp(α) + log1p(−1/α) − (log δ + log α)/(α − 1) ], clamped at 0.
    /// </summary>
    public static EpsilonResult ToEpsilon(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rdp);
        Guard.Delta(delta, nameof(delta));
        if (orders.Count != rdp.Count || orders.Count == 0)
        {
            throw new ArgumentException(
                $"Orders ({orders.Count}) and RDP values ({rdp.Count}) must be non-empty and of equal length.", nameof(rdp));
        }

        var logDelta = Math.Log(delta);
        var best = double.PositiveInfinity;
        var bestOrder = double.NaN;
        for (var i = 0; i < orders.Count; i++)
        {
            var a = orders[i];
            Guard.Order(a, nameof(orders));
            if (double.IsNaN(rdp[i]) || rdp[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rdp), rdp[i], $"The RDP at order {a} must be ≥ 0.");
            }

            var eps = rdp[i] + LogMath.Log1p(-1 / a) - (logDelta + Math.Log(a)) / (a - 1);
            if (eps < best)
            {
                best = eps;
                bestOrder = a;
            }
        }

        return new EpsilonResult(Math.Max(0, best), bestOrder, delta);
    }
}
