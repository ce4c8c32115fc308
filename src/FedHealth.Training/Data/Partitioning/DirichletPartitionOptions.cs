namespace FedHealth.Training.Data.Partitioning;

/// <summary>How to split one pool of patients into simulated sites with label skew.</summary>
/// <param name="Sites">Number of sites.</param>
/// <param name="Alpha">Dirichlet concentration: small values (0.1) give very skewed sites, large ones (100) nearly identical ones.</param>
public sealed record DirichletPartitionOptions(int Sites, double Alpha)
{
    public const double DefaultAlpha = 0.5;

    /// <summary>Every site gets at least this many rows.</summary>
    public int MinRowsPerSite { get; init; } = 10;

    /// <summary>Every site gets at least one row of each class (needed to train and to compute an AUC).</summary>
    public bool RequireBothClasses { get; init; } = true;

    /// <summary>Draws to try before giving up with an error.</summary>
    public int MaxAttempts { get; init; } = 200;
}
