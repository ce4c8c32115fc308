namespace FedHealth.SecureAggregation.Updates;

/// <summary>The weight arithmetic of a round: an update is a difference of models, a new model the old one plus a step.</summary>
public static class WeightVectors
{
    /// <summary>Δ = <paramref name="local"/> − <paramref name="global"/>.</summary>
    public static float[] Difference(ReadOnlySpan<float> local, ReadOnlySpan<float> global)
    {
        if (local.Length != global.Length)
        {
            throw new ArgumentException($"The models have {local.Length} and {global.Length} weights.", nameof(local));
        }

        var delta = new float[local.Length];
        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] = local[i] - global[i];
        }

        return delta;
    }

    /// <summary><paramref name="global"/> + <paramref name="step"/>.</summary>
    public static float[] Add(ReadOnlySpan<float> global, ReadOnlySpan<float> step)
    {
        if (step.Length != global.Length)
        {
            throw new ArgumentException($"The step has {step.Length} weights; the model has {global.Length}.", nameof(step));
        }

        var sum = new float[global.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = global[i] + step[i];
        }

        return sum;
    }
}
