using FedHealth.Core.Enrolment;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>The rules for the parts that instructions and replies are built of.</summary>
internal static class TrainingPartRules
{
    public static void Weights(this WireCheck wire, ModelWeights? weights, string member)
    {
        // The layout itself (tensor count, rank, names) is bounded while reading: see ModelWeightsFormatter.
        var values = wire.Present(weights, member).Flat;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw wire.Refuse(RefusalReason.NotFinite, $"{member} holds a value that is not finite");
            }
        }
    }

    public static void Model(this WireCheck wire, ModelSpec? model, string member)
    {
        wire.Present(model, member);
        wire.Known(model.Kind, member + ".Kind");
        wire.Count(model.InputFeatures, 1, WireLimits.MaxLayerWidth, member + ".InputFeatures");
        wire.List(model.HiddenLayers, member + ".HiddenLayers", (width, name) => wire.Count(width, 1, WireLimits.MaxLayerWidth, name), max: WireLimits.MaxHiddenLayers);
        try
        {
            _ = model.ParameterCount;
        }
        catch (OverflowException)
        {
            throw wire.Refuse(RefusalReason.OutOfRange, $"{member} has more parameters than a model may have");
        }
    }

    public static void Config(this WireCheck wire, FitConfig? config, string member)
    {
        wire.Present(config, member);
        wire.Known(config.Optimizer, member + ".Optimizer");
        wire.Finite(config.LearningRate, member + ".LearningRate", double.Epsilon);
        wire.Count(config.BatchSize, 1, WireLimits.MaxBatchSize, member + ".BatchSize");
        wire.Count(config.LocalSteps, 0, WireLimits.MaxLocalSteps, member + ".LocalSteps");
        wire.Count(config.LocalEpochs, 0, WireLimits.MaxLocalEpochs, member + ".LocalEpochs");
        if ((config.LocalSteps > 0) == (config.LocalEpochs > 0))
        {
            throw wire.Refuse(RefusalReason.OutOfRange, $"exactly one of {member}.LocalSteps and {member}.LocalEpochs must be positive");
        }

        if (config.RecordDp is { } dp)
        {
            wire.Finite(dp.NoiseMultiplier, member + ".RecordDp.NoiseMultiplier", 0);
            wire.Finite(dp.ClipNorm, member + ".RecordDp.ClipNorm", double.Epsilon);
            wire.Finite(dp.SamplingRate, member + ".RecordDp.SamplingRate", double.Epsilon, 1);
        }
    }

    public static void Secure(this WireCheck wire, SecureAggregationSpec secure, string member)
    {
        wire.Finite(secure.ClipRange, member + ".ClipRange", double.Epsilon);
        wire.Finite(secure.Scale, member + ".Scale", double.Epsilon);
        wire.Count(secure.MaxWeight, 1, long.MaxValue, member + ".MaxWeight");
        wire.Count(secure.ModulusBits, 1, 64, member + ".ModulusBits");
        if (secure.DistributedDp is { } dp)
        {
            wire.Finite(dp.Clip, member + ".DistributedDp.Clip", double.Epsilon);
            wire.Finite(dp.Scale, member + ".DistributedDp.Scale", double.Epsilon);
            wire.Finite(dp.NoiseMultiplier, member + ".DistributedDp.NoiseMultiplier", 0);
            wire.Count(dp.ExpectedSites, 1, WireLimits.MaxSites, member + ".DistributedDp.ExpectedSites");
            wire.Bytes(dp.RotationSeed, member + ".DistributedDp.RotationSeed");
        }

        if (secure.Enrolments is not null)
        {
            wire.List(secure.Enrolments, member + ".Enrolments", wire.Enrolment);
        }
    }

    public static void Enrolment(this WireCheck wire, SiteEnrolment? enrolment, string member)
    {
        wire.Present(enrolment, member);
        wire.Site(enrolment.Site, member + ".Site");
        wire.Bytes(enrolment.SigningKey, member + ".SigningKey");
        wire.Bytes(enrolment.Certificate, member + ".Certificate", max: WireLimits.MaxCertificateBytes);
        wire.Bytes(enrolment.Proof, member + ".Proof");
    }

    public static void Outcome(this WireCheck wire, EvaluationOutcome? outcome, string member)
    {
        wire.Present(outcome, member);
        wire.Count(outcome.NumExamples, 0, int.MaxValue, member + ".NumExamples");
        wire.FiniteOrNaN(outcome.Loss, member + ".Loss", 0);
        wire.FiniteOrNaN(outcome.Accuracy, member + ".Accuracy", 0, 1);
        wire.FiniteOrNaN(outcome.Auc, member + ".Auc", 0, 1);
        wire.Histogram(outcome.Histogram, member + ".Histogram");
        if (outcome.LossIncreases is not null)
        {
            wire.List(outcome.LossIncreases, member + ".LossIncreases", (v, m) => wire.Finite(v, m), max: WireLimits.MaxLayerWidth);
        }
    }

    /// <summary>Permutation importance: at least one repeat, and not so many that a site is made to evaluate without end.</summary>
    public static void Importance(this WireCheck wire, PermutationSettings importance, string member)
    {
        wire.Count(importance.Repeats, 1, PermutationSettings.MaxRepeats, member + ".Repeats");
    }

    public static void Histogram(this WireCheck wire, ScoreHistogram? histogram, string member)
    {
        wire.Present(histogram, member);
        Bins(wire, histogram.Positives, member + ".Positives");
        Bins(wire, histogram.Negatives, member + ".Negatives");
    }

    private static void Bins(WireCheck wire, IReadOnlyList<long>? counts, string member)
    {
        if (wire.Present(counts, member).Count != WireLimits.HistogramBins)
        {
            throw wire.Refuse(RefusalReason.WrongHistogram, $"{member} does not have {WireLimits.HistogramBins} bins");
        }

        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw wire.Refuse(RefusalReason.WrongHistogram, $"{member} has a negative count");
            }
        }
    }
}
