namespace FedHealth.Privacy.Accounting;

/// <summary>The Rényi orders the accountant evaluates.</summary>
public static class RdpOrders
{
    /// <summary>
    /// dp_accounting's default: 1.1, 1.2, …, 10.9 (as 1 + x/10), 11, 12, …, 63, 128, 256, 512, 1024
    /// (156 orders).
    /// </summary>
    public static ImmutableArray<double> Default { get; } = CreateDefault();

    private static ImmutableArray<double> CreateDefault()
    {
        var builder = ImmutableArray.CreateBuilder<double>(156);
        for (var x = 1; x < 100; x++)
        {
            builder.Add(1 + x / 10.0);
        }

        for (var o = 11; o < 64; o++)
        {
            builder.Add(o);
        }

        builder.AddRange(128, 256, 512, 1024);
        return builder.MoveToImmutable();
    }

    internal static ImmutableArray<double> Validate(IReadOnlyList<double> orders, string name)
    {
        if (orders.Count == 0)
        {
            throw new ArgumentException("At least one Rényi order is needed.", name);
        }

        foreach (var o in orders)
        {
            Guard.Order(o, name);
        }

        return orders.ToImmutableArray();
    }
}
