using System.Collections.Immutable;

namespace FedHealth.Training.Data;

/// <summary>
/// Patients grouped by site, with identical feature columns at every site, before any split or
/// preprocessing. What the CSV loader and the synthetic generator both produce.
/// </summary>
/// <param name="Source">The file (or generator) the rows came from, for messages.</param>
/// <param name="LabelColumn">The outcome's column name, for messages.</param>
/// <param name="SiteColumn">The site column's name, or null when the source had none.</param>
public sealed record RawDataset(
    string Source,
    string LabelColumn,
    string? SiteColumn,
    ImmutableArray<string> FeatureNames,
    IReadOnlyList<RawSite> Sites);
