using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>Pure aggregation math (Flower's aggregate.py): no actors, no I/O.</summary>
public static class WeightedAverage
{
    /// <summary>
    /// Σ wᵢ·xᵢ / Σ wᵢ over models of identical layout, accumulated in double precision so the
    /// result does not depend on the order of the inputs beyond float rounding of the final value.
    /// </summary>
    public static ModelWeights Of(IReadOnlyList<(ModelWeights Weights, double Weight)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("Nothing to average.", nameof(models));
        }

        var layout = models[0].Weights;
        double total = 0;
        foreach (var (weights, weight) in models)
        {
            if (!layout.HasSameLayout(weights))
            {
                throw new ArgumentException($"Cannot average models of different layouts: {layout} and {weights}.", nameof(models));
            }

            if (weight < 0 || double.IsNaN(weight) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"Weights must be finite and non-negative (got {weight}).", nameof(models));
            }

            total += weight;
        }

        if (total <= 0)
        {
            throw new ArgumentException("The weights sum to zero.", nameof(models));
        }

        var sum = new double[layout.Length];
        foreach (var (weights, weight) in models)
        {
            var values = weights.Flat;
            var scale = weight / total;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += scale * values[i];
            }
        }

        var result = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            result[i] = (float)sum[i];
        }

        return new ModelWeights(layout.Specs, result);
    }
}
