using FedHealth.Core.Data;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

/// <summary>Generated sites with gaps, negative values and a 0/1 column, differing by seed.</summary>
internal static class GappySites
{
    public static readonly string[] Names = ["age", "chol", "delta", "sex"];

    /// <param name="cholGaps">The fraction of rows without <c>chol</c> (1 = none has it).</param>
    public static TabularData Site(int seed, int rows, double cholGaps = 0.2)
    {
        var random = new Random(seed);
        var shift = seed % 7;
        var values = new float[rows * Names.Length];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * Names.Length, Names.Length);
            row[0] = 30 + shift + random.Next(50);
            row[1] = random.NextDouble() < cholGaps ? float.NaN : (float)(150 + (10 * shift) + (250 * random.NextDouble()));
            row[2] = random.NextDouble() < 0.1 ? float.NaN : (float)(-5 - shift + (10 * random.NextDouble()));
            row[3] = random.Next(2);
        }

        return new TabularData(Names, values, [.. Enumerable.Range(0, rows).Select(r => r % 2)]);
    }

    public static TabularData Table(params float[][] rows) =>
        new(Names, [.. rows.SelectMany(r => r)], [.. rows.Select((_, i) => i % 2)]);
}
