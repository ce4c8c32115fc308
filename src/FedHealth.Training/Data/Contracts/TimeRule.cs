using FedHealth.Training.Data.Fhir;

namespace FedHealth.Training.Data.Contracts;

/// <summary>
/// The contract's time aggregation, the same for every connector: which records count (on or before
/// the index date; with a window of N days, dated in the N days ending on the index date) and how
/// their values fold into the patient's row.
/// </summary>
internal static class TimeRule
{
    /// <summary>The rule a feature uses when its contract names none: ever/never for coded events, last value for values.</summary>
    public static TimeAggregation Resolve(TimeAggregation? rule, bool hasValue) => rule ?? (hasValue ? TimeAggregation.Last : TimeAggregation.Ever);

    public static bool InWindow(DateOnly indexDate, int? windowDays, DateTimeOffset when)
    {
        var end = new DateTimeOffset(indexDate.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        return when <= end && (windowDays is not { } days || when >= new DateTimeOffset(indexDate.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    public static void Fold(PatientAccumulator row, int feature, TimeAggregation rule, DateTimeOffset when, double value)
    {
        switch (rule)
        {
            case TimeAggregation.Mean:
                row.Add(feature, value);
                break;
            case TimeAggregation.Ever:
                row.Values[feature] = 1f;
                break;
            default:
                row.Observe(feature, when, value);
                break;
        }
    }

    /// <param name="hasValue">The feature reads dated values (FHIR Observation, OMOP measurement or observation).</param>
    /// <param name="dated">The feature reads dated records at all (not the patient's age or sex).</param>
    /// <exception cref="DataValidationException">A rule or window the feature's source cannot have.</exception>
    public static void Check(string what, TimeAggregation? rule, int? windowDays, bool hasValue, bool dated, string? source)
    {
        if (!dated && (rule is not null || windowDays is not null))
        {
            throw new DataValidationException($"The {what} is not read from dated records: leave its Aggregation and WindowDays out.", source);
        }

        if (rule is TimeAggregation.Last or TimeAggregation.Mean && !hasValue)
        {
            throw new DataValidationException($"The {what} has no values to aggregate with {rule}: use Ever.", source);
        }

        if (rule is TimeAggregation.Mean && windowDays is null)
        {
            throw new DataValidationException($"The {what} aggregates with Mean and needs WindowDays (the days before the index date it averages over).", source);
        }

        if (windowDays is < 1 or > 36_525)
        {
            throw new DataValidationException($"The {what} has WindowDays {windowDays}: it must be 1–36525.", source);
        }

        if (rule is { } r && !Enum.IsDefined(r))
        {
            throw new DataValidationException($"The {what} has an unknown Aggregation: use Last, Mean or Ever.", source);
        }
    }
}
