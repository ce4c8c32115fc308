using System.Numerics;
using FedHealth.Core.Data;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

/// <summary>
/// Independent references for the federated statistics: the rows of all sites put together, imputed
/// with the mean of each column's observed values and standardised in two passes, and a plain
/// modular sum (in big integers, so it does not share the code's ulong wrap-around).
/// </summary>
internal static class PooledReference
{
    public static TabularData Concatenate(IReadOnlyList<TabularData> sites) =>
        new(sites[0].FeatureNames, [.. sites.SelectMany(s => s.Features)], [.. sites.SelectMany(s => s.Labels)]);

    public static FeatureStatistics Statistics(IReadOnlyList<TabularData> sites, FeatureLayout layout)
    {
        var all = Concatenate(sites);
        var imputation = new double[all.Columns];
        for (var c = 0; c < all.Columns; c++)
        {
            var observed = Enumerable.Range(0, all.Rows).Select(r => (double)all.Row(r)[c]).Where(v => !double.IsNaN(v)).ToList();
            imputation[c] = observed.Count == 0 ? 0 : observed.Average();
        }

        var columns = new List<double[]>();
        for (var c = 0; c < all.Columns; c++)
        {
            columns.Add([.. Enumerable.Range(0, all.Rows).Select(r => double.IsNaN(all.Row(r)[c]) ? imputation[c] : all.Row(r)[c])]);
        }

        foreach (var name in layout.IndicatorColumns)
        {
            var c = layout.InputNames.IndexOf(name);
            columns.Add([.. Enumerable.Range(0, all.Rows).Select(r => double.IsNaN(all.Row(r)[c]) ? 1.0 : 0.0)]);
        }

        var means = columns.Select(v => v.Length == 0 ? 0 : v.Average()).ToArray();
        var deviations = columns.Select((v, i) =>
        {
            if (v.Length == 0)
            {
                return 1;
            }

            var sd = Math.Sqrt(v.Select(x => (x - means[i]) * (x - means[i])).Average());
            return sd <= 1e-9 * Math.Max(1, Math.Abs(means[i])) ? 1 : sd;
        }).ToArray();
        return new FeatureStatistics([.. imputation], [.. means], [.. deviations]);
    }

    public static ulong[] ModularSum(IEnumerable<ulong[]> vectors, int modulusBits)
    {
        var list = vectors.ToList();
        var modulus = BigInteger.One << modulusBits;
        return [.. Enumerable.Range(0, list[0].Length).Select(i => (ulong)(list.Aggregate(BigInteger.Zero, (sum, v) => sum + v[i]) % modulus))];
    }

    public static void Equal(FeatureStatistics expected, FeatureStatistics actual, double tolerance)
    {
        Close(expected.ImputationValues, actual.ImputationValues, tolerance, "imputation value");
        Close(expected.Means, actual.Means, tolerance, "mean");
        Close(expected.StandardDeviations, actual.StandardDeviations, tolerance, "deviation");
    }

    // Relative to the value's size, absolute below 1.
    private static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var allowed = tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= allowed, $"{what} {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
