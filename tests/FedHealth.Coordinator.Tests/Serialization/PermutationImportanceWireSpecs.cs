using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Metrics;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Coordinator.Tests.Serialization;

/// <summary>Permutation importance on the wire: a bounded request, and finite sums back.</summary>
public sealed class PermutationImportanceWireSpecs
{
    [Theory]
    [InlineData(0)]
    [InlineData(PermutationSettings.MaxRepeats + 1)]
    public void A_request_for_no_repeats_or_too_many_is_out_of_range(int repeats) =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(new EvaluateInstruction(new("s"), 1, Models.Spec, Models.Weights(1, 2, 3), null, new PermutationSettings(repeats, 7))));

    [Fact]
    public void A_request_within_the_bounds_arrives_as_sent()
    {
        var sent = new EvaluateInstruction(new("s"), 1, Models.Spec, Models.Weights(1, 2, 3), null, new PermutationSettings(PermutationSettings.DefaultRepeats, 7));

        var received = (EvaluateInstruction)WireFormat.Deserialize(WireFormat.Serialize(sent), WireFormat.ManifestOf(sent.GetType()));

        Assert.Equal(sent.Importance, received.Importance);
    }

    [Fact]
    public void Loss_increases_that_are_not_finite_are_refused() =>
        Assert.Equal(RefusalReason.NotFinite, Refusal(new EvaluateReply(new("s"), 1, new("a"),
            new EvaluationOutcome(10, 0.5, 0.5, 0.5, ScoreHistogram.Empty(), [0.1, double.NaN]))));

    private static RefusalReason Refusal(object message) =>
        Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(WireFormat.Serialize(message), WireFormat.ManifestOf(message.GetType()))).Reason;
}
