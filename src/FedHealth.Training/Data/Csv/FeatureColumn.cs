namespace FedHealth.Training.Data.Csv;

/// <summary>
/// One raw feature column of a CSV file as the loader encoded it: a number, or (when
/// <see cref="Levels"/> is set) a category one-hot encoded as <c>name=level</c>, levels in that order.
/// </summary>
public sealed record FeatureColumn(string Name, IReadOnlyList<string>? Levels)
{
    public bool IsCategorical => Levels is not null;

    /// <summary>The model input names this column becomes.</summary>
    public IEnumerable<string> EncodedNames() =>
        Levels is null ? [Name] : Levels.Select(level => $"{Name}={level}");
}
