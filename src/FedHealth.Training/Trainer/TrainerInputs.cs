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

        if (!(config.ProximalMu >= 0) || double.IsInfinity(config.ProximalMu))
        {
            throw new ArgumentException(
                $"{nameof(FitConfig.ProximalMu)} (the FedProx μ) must be a finite number ≥ 0, got {config.ProximalMu}.", nameof(config));
        }

        if (config.RecordDp is { } dp)
        {
            CheckRecordDp(dp, nameof(config));
        }
    }

    private static void CheckRecordDp(DpSgdConfig dp, string parameter)
    {
        // σ = 0 is allowed: clipping without noise, for tests and baselines (it protects no one).
        if (!(dp.NoiseMultiplier >= 0) || double.IsInfinity(dp.NoiseMultiplier))
        {
            throw new ArgumentException(
                $"{nameof(FitConfig.RecordDp)}.{nameof(DpSgdConfig.NoiseMultiplier)} must be a finite number ≥ 0, got {dp.NoiseMultiplier}.",
                parameter);
        }

        if (!(dp.ClipNorm > 0) || double.IsInfinity(dp.ClipNorm))
        {
            throw new ArgumentException(
                $"{nameof(FitConfig.RecordDp)}.{nameof(DpSgdConfig.ClipNorm)} must be a finite number > 0, got {dp.ClipNorm}.",
                parameter);
        }

        if (!(dp.SamplingRate > 0 && dp.SamplingRate <= 1))
        {
            throw new ArgumentException(
                $"{nameof(FitConfig.RecordDp)}.{nameof(DpSgdConfig.SamplingRate)} must be in (0, 1], got {dp.SamplingRate}.",
                parameter);
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
