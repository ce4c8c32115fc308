using FedHealth.Core.Data;
using FedHealth.Training.Data.Preprocessing.Federated;

namespace FedHealth.Training.Data;

/// <summary>Preprocessed train/test rows per site, ready for <see cref="Core.Training.ILocalTrainer"/>, and their description.</summary>
public sealed record PreparedDataset(IReadOnlyList<SiteData> Sites, DatasetDescription Description)
{
    /// <summary>
    /// The same sites before preprocessing, each able to contribute its statistics to a secure sum
    /// and to prepare its rows with the pooled result (<c>--normalize federated</c>); empty when unavailable.
    /// </summary>
    public IReadOnlyList<PooledSitePreprocessing> Pooling { get; init; } = [];
}
