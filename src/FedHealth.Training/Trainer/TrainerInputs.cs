using FedHealth.Core.Data;
using FedHealth.Core.Training;

namespace FedHealth.Training.Trainer;

/// <summary>Checks made before any tensor exists, so bad input fails with a clear message.</summary>
internal static class TrainerInputs
{
    public static void CheckRows(ModelSpec model, TabularData rows, string parameter, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows, parameter);
        if (rows.Columns != model.InputFeatures)
        {
            throw new ArgumentException(
                $"The model expects {model.InputFeatures} features but the rows have {rows.Columns}.", parameter);
        }

        if (!allowEmpty && rows.Rows == 0)
        {
            throw new ArgumentException("There are no rows to train on.", parameter);
        }

        // A NaN would silently turn every weight into NaN: missing values must be imputed first.
        if (!AllFinite(rows.Features))
        {
            throw new ArgumentException(
                "The rows contain missing or infinite values; preprocess (impute and standardise) them first.", parameter);
        }
    }

    public static void CheckConfig(FitConfig config, int rows)
    {
        if (!(config.LearningRate > 0) || double.IsInfinity(config.LearningRate))
        {
            throw new ArgumentException($"The learning rate must be positive, got {config.LearningRate}.", nameof(config));
        }

        if (config.BatchSize < 1)
        {
            throw new ArgumentException($"The batch size must be at least 1, got {config.BatchSize}.", nameof(config));
        }

        if (config.StepsFor(rows) < 1)
        {
            throw new ArgumentException(
                $"The configuration asks for no training (LocalSteps {config.LocalSteps}, LocalEpochs {config.LocalEpochs}).",
                nameof(config));
        }
    }

    private static bool AllFinite(float[] values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
