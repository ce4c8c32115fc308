using FedHealth.Core.Metrics;
using FedHealth.Core.Training;

namespace FedHealth.Training.Trainer;

/// <summary>Turns a model's logits on labelled rows into the metrics a site reports.</summary>
internal static class Scoring
{
    public static EvaluationOutcome Outcome(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels)
    {
        var scores = new float[logits.Length];
        double lossSum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            scores[i] = (float)(1.0 / (1.0 + Math.Exp(-z)));

            // BCE from the logit, max(z, 0) - z·y + log(1 + e^-|z|): exact even where the sigmoid
            // rounds to 0 or 1, and the same quantity training minimises.
            lossSum += Math.Max(z, 0) - (z * labels[i]) + double.LogP1(Math.Exp(-Math.Abs(z)));
        }

        return new EvaluationOutcome(
            logits.Length,
            lossSum / logits.Length,
            BinaryMetrics.Accuracy(scores, labels),
            BinaryMetrics.Auc(scores, labels),
            ScoreHistogram.From(scores, labels));
    }
}
