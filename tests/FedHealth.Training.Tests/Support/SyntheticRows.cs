using FedHealth.Core.Data;

namespace FedHealth.Training.Tests.Support;

/// <summary>Small generated tables for trainer tests.</summary>
internal static class SyntheticRows
{
    /// <summary>
    /// Two Gaussian blobs, label 1 around +margin on every feature and label 0 around −margin:
    /// linearly separable for a large margin.
    /// </summary>
    public static TabularData Blobs(int rows, int features, int seed, double margin = 2.0)
    {
        var random = new Random(seed);
        var values = new float[rows * features];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = r % 2;
            var centre = labels[r] == 1 ? margin : -margin;
            for (var c = 0; c < features; c++)
            {
                values[(r * features) + c] = (float)(centre + Gaussian(random));
            }
        }

        return new TabularData(Enumerable.Range(0, features).Select(c => $"x{c}"), values, labels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
