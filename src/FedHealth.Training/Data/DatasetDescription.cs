using System.Collections.Immutable;

namespace FedHealth.Training.Data;

/// <summary>What a prepared dataset is: where it came from, the model's input columns, and each site's size and prevalence.</summary>
public sealed record DatasetDescription(string Source, ImmutableArray<string> FeatureNames, IReadOnlyList<SiteSummary> Sites);
