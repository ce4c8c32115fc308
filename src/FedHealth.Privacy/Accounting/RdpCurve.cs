namespace FedHealth.Privacy.Accounting;

/// <summary>
/// An RDP guarantee as the whole vector of values over a fixed set of orders. Mechanisms and
/// rounds compose by adding curves order by order (heterogeneous composition); only at the end
/// is the sum converted to (ε, δ), so nothing is lost by converting too early.
/// </summary>
public sealed class RdpCurve : IEquatable<RdpCurve>
{
    public RdpCurve(ImmutableArray<double> orders, ImmutableArray<double> values)
    {
        if (orders.IsDefaultOrEmpty || values.IsDefault || orders.Length != values.Length)
        {
            throw new ArgumentException("Orders and values must be non-empty and of equal length.", nameof(values));
        }

        foreach (var o in orders)
        {
            Guard.Order(o, nameof(orders));
        }

        foreach (var v in values)
        {
            if (double.IsNaN(v) || v < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(values), v, "RDP values must be ≥ 0 (∞ is allowed).");
            }
        }

        Orders = orders;
        Values = values;
    }

    public ImmutableArray<double> Orders { get; }

    public ImmutableArray<double> Values { get; }

    /// <summary>The curve of a mechanism that spends nothing.</summary>
    public static RdpCurve Zero(ImmutableArray<double>? orders = null)
    {
        var grid = orders ?? RdpOrders.Default;
        return new RdpCurve(grid, ImmutableArray.Create(new double[grid.Length]));
    }

    /// <summary>The composition of both mechanisms (RDP adds at every order).</summary>
    public RdpCurve Add(RdpCurve other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Orders.SequenceEqual(other.Orders))
        {
            throw new ArgumentException("RDP curves over different orders cannot be composed.", nameof(other));
        }

        var sum = new double[Values.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = Values[i] + other.Values[i];
        }

        return new RdpCurve(Orders, ImmutableArray.Create(sum));
    }

    /// <summary>The composition of <paramref name="times"/> runs of this mechanism.</summary>
    public RdpCurve Times(long times)
    {
        Guard.Steps(times, nameof(times));
        return new RdpCurve(Orders, Values.Select(v => times == 0 ? 0 : times * v).ToImmutableArray());
    }

    public EpsilonResult ToEpsilon(double delta) => RdpConversion.ToEpsilon(Orders, Values, delta);

    public bool Equals(RdpCurve? other) =>
        other is not null && Orders.SequenceEqual(other.Orders) && Values.SequenceEqual(other.Values);

    public override bool Equals(object? obj) => Equals(obj as RdpCurve);

    public override int GetHashCode() => HashCode.Combine(Orders.Length, Values.Length > 0 ? Values[^1] : 0);
}
