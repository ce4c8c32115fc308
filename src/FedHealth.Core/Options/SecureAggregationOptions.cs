namespace FedHealth.Core.Options;

/// <summary>Secure aggregation (SecAgg+) of the sites' updates; the coordinator learns only their sum.</summary>
public sealed record SecureAggregationOptions
{
    public static SecureAggregationOptions Off { get; } = new();

    public bool Enabled { get; init; }

    /// <summary>Per-coordinate clip of a site's update Δ before quantization.</summary>
    public double ClipRange { get; init; } = 4.0;

    /// <summary>Cap on a site's weight (its example count) inside the secure sum.</summary>
    public long MaxWeight { get; init; } = 100_000;

    public int ModulusBits { get; init; } = 32;

    /// <summary>The dropout rate the neighbour graph and threshold are chosen for.</summary>
    public double ExpectedDropout { get; init; } = 0.1;

    /// <summary>The assumed fraction of sites colluding with the coordinator.</summary>
    public double CorruptFraction { get; init; } = 0.1;

    /// <summary>Deadline of each protocol stage after training.</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
