using FedHealth.Models.Manifests;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Cli.Commands.Models;

/// <summary>What a manifest needs to know about the model's inputs and that only its host knows: the label, the raw columns (with their one-hot levels), the encoded layout and the preprocessing.</summary>
internal sealed record ModelInputs(string Label, IReadOnlyList<FeatureColumn> Columns, FeatureLayout Layout, PreprocessingInfo Preprocessing);
