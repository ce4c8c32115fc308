using FedHealth.Core.Protocol;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// Training and evaluation instructions and replies. The round number is an echoed id, checked by
/// the actors against the round they run (statistics sessions use zero and negative numbers).
/// </summary>
internal static class RoundContracts
{
    public static IEnumerable<MessageContract> All =>
    [
        MessageContract.For<FitInstruction>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Model(m.Model, nameof(m.Model));
            wire.Weights(m.Weights, nameof(m.Weights));
            wire.Config(m.Config, nameof(m.Config));
            if (m.Secure is not null)
            {
                wire.Secure(m.Secure, nameof(m.Secure));
            }

            if (m.WeightsOffer is not null)
            {
                wire.Offer(m.WeightsOffer, nameof(m.WeightsOffer));
            }
        }),
        MessageContract.For<FitReply>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Weights(m.Weights, nameof(m.Weights));
            wire.Count(m.NumExamples, 0, int.MaxValue, nameof(m.NumExamples));
            wire.FiniteOrNaN(m.TrainLoss, nameof(m.TrainLoss), 0);
            wire.Finite(m.TrainMilliseconds, nameof(m.TrainMilliseconds), 0);
        }),
        MessageContract.For<EvaluateInstruction>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Model(m.Model, nameof(m.Model));
            wire.Weights(m.Weights, nameof(m.Weights));
            if (m.WeightsOffer is not null)
            {
                wire.Offer(m.WeightsOffer, nameof(m.WeightsOffer));
            }

            if (m.Importance is not null)
            {
                wire.Importance(m.Importance, nameof(m.Importance));
            }
        }),
        MessageContract.For<EvaluateReply>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Outcome(m.Outcome, nameof(m.Outcome));
        }),
        MessageContract.For<StageFailed>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Known(m.Stage, nameof(m.Stage));
            wire.Site(m.Site, nameof(m.Site));
            wire.Text(m.Reason, nameof(m.Reason));
        }),
    ];
}
