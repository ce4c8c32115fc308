namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// A site's statistics do not fit the secure sum: one encoded element is larger than the share of
/// the modulus a site may use, so the sum over all sites could wrap. The message names the raw
/// column and the statistic, never the value, since the value is what the secure sum protects.
/// </summary>
public sealed class StatisticsOverflowException : Exception
{
    public StatisticsOverflowException()
        : this("A statistic is too large for the secure sum.")
    {
    }

    public StatisticsOverflowException(string message)
        : base(message)
    {
    }

    public StatisticsOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StatisticsOverflowException(string message, int? column)
        : base(message)
    {
        Column = column;
    }

    /// <summary>The raw input column (0-based), or null for the row count.</summary>
    public int? Column { get; }
}
