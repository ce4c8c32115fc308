using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing;

internal static class LayoutCheck
{
    public static void Inputs(TabularData data, FeatureLayout layout, string parameter)
    {
        if (!data.FeatureNames.SequenceEqual(layout.InputNames))
        {
            throw new ArgumentException(
                $"The rows have columns [{string.Join(", ", data.FeatureNames)}] but the layout expects [{string.Join(", ", layout.InputNames)}].",
                parameter);
        }
    }
}
