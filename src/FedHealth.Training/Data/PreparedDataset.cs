using FedHealth.Core.Data;

namespace FedHealth.Training.Data;

/// <summary>Preprocessed train/test rows per site, ready for <see cref="Core.Training.ILocalTrainer"/>, and their description.</summary>
public sealed record PreparedDataset(IReadOnlyList<SiteData> Sites, DatasetDescription Description);
