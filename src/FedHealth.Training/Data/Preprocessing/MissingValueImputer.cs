using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing;

/// <summary>Fills gaps with the imputation values (medians or pooled means) and appends the layout's missing-value indicators.</summary>
internal static class MissingValueImputer
{
    /// <summary>Row-major values in the layout's output columns, before standardisation.</summary>
    public static float[] Expand(TabularData data, FeatureLayout layout, IReadOnlyList<double> imputationValues)
    {
        var inputs = data.Columns;
        var width = layout.OutputNames.Length;
        var sources = layout.IndicatorSources;
        var values = new float[data.Rows * width];
        for (var r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            var target = values.AsSpan(r * width, width);
            for (var c = 0; c < inputs; c++)
            {
                target[c] = float.IsNaN(row[c]) ? (float)imputationValues[c] : row[c];
            }

            for (var i = 0; i < sources.Length; i++)
            {
                target[inputs + i] = float.IsNaN(row[sources[i]]) ? 1f : 0f;
            }
        }

        return values;
    }
}
