namespace FedHealth.Training.Data.Contracts;

/// <summary>How a feature's dated records are aggregated into one value at the index date (docs/data.md).</summary>
public enum TimeAggregation
{
    /// <summary>The last value on or before the index date (within the window if one is set).</summary>
    Last,

    /// <summary>The mean of the values in the window of WindowDays days ending on the index date.</summary>
    Mean,

    /// <summary>1 if any record with one of the codes is dated on or before the index date (within the window if one is set), else 0.</summary>
    Ever,
}
