using System.Collections.Immutable;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>Checks shared by the server optimisers before a step.</summary>
internal static class ServerMoments
{
    public static void CheckStep(ServerOptimizerState state, ReadOnlySpan<float> weights, ReadOnlySpan<float> pseudoGradient)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (weights.Length != pseudoGradient.Length)
        {
            throw new ArgumentException(
                $"The mean update has {pseudoGradient.Length} values but the model has {weights.Length}.", nameof(pseudoGradient));
        }

        // One non-finite value would poison the moments for every later round.
        foreach (var g in pseudoGradient)
        {
            if (!float.IsFinite(g))
            {
                throw new ArgumentException("The mean update contains a missing or infinite value.", nameof(pseudoGradient));
            }
        }
    }

    /// <summary>A working copy of a stored moment, or <paramref name="initial"/> everywhere when not started.</summary>
    public static double[] Start(ImmutableArray<float> stored, int length, double initial, string name)
    {
        var values = new double[length];
        if (stored.IsDefaultOrEmpty)
        {
            Array.Fill(values, initial);
            return values;
        }

        if (stored.Length != length)
        {
            throw new ArgumentException(
                $"The stored {name} has {stored.Length} values but the model has {length}: the layout changed.", nameof(stored));
        }

        for (var i = 0; i < length; i++)
        {
            values[i] = stored[i];
        }

        return values;
    }

    public static ImmutableArray<float> Store(double[] values)
    {
        var stored = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            stored[i] = (float)values[i];
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(stored);
    }

    public static double CheckRate(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The {name} must be a finite number > 0.");

    public static double CheckDecay(double value, string name) =>
        value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The {name} must be in [0, 1).");
}
