using FedHealth.Core.Data;
using FedHealth.Core.Weights;

namespace FedHealth.Core.Training;

/// <summary>A trainer that can measure permutation importance on a site's (already preprocessed) test rows.</summary>
public interface IPermutationImportance
{
    /// <summary>
    /// Per model input, in input order: Σ over the rows of the loss increase when that input's
    /// column is permuted among the rows (mean over the repeats). Sums, not means, so the sites'
    /// figures add up to the pooled one.
    /// </summary>
    IReadOnlyList<double> LossIncreases(ModelSpec model, ModelWeights weights, TabularData test, PermutationSettings settings);
}
