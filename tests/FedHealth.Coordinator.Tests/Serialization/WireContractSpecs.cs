using System.Collections.Immutable;
using Akka.Actor;
using Akka.Serialization;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Delivery;
using FedHealth.Core.Metrics;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Validation;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Serialization;

/// <summary>The crafted messages an attacker sent against the unvalidated wire, each refused for its reason.</summary>
public sealed class WireContractSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private static readonly byte[] Hash = new byte[32];

    public static TheoryData<string> AllManifests => new(WireFormat.Manifests);

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void Every_manifest_has_a_contract(string manifest) =>
        Assert.True(MessageContracts.Covers(WireFormat.TypeOf(manifest)));

    [Fact]
    public void A_member_declared_non_nullable_but_sent_as_nil_is_missing() =>
        Assert.Equal(RefusalReason.MissingMember, Refusal(new UploadOffer(new("s"), 1, new("a"), "FitReply", Hash, 10, null!)));

    [Fact]
    public void A_secure_aggregation_message_with_nil_shares_is_missing_a_member() =>
        Assert.Equal(RefusalReason.MissingMember, Refusal(new SecAggUnmaskShares(new("s"), 1, new("a"), Hash, [], null!)));

    [Fact]
    public void A_negative_example_count_is_out_of_range() =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), -5, 0.1, 1)));

    [Fact]
    public void An_infinite_training_loss_is_not_finite() =>
        Assert.Equal(RefusalReason.NotFinite, Refusal(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), 5, double.PositiveInfinity, 1)));

    [Fact]
    public void A_nan_accuracy_of_a_site_with_test_rows_is_not_finite() =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(Evaluation(new EvaluationOutcome(10, 0.5, 1.5, 0.5, ScoreHistogram.Empty()))));

    [Fact]
    public void Weights_holding_nan_are_not_finite() =>
        Assert.Equal(RefusalReason.NotFinite, Refusal(new FitReply(new("s"), 1, new("a"), Models.Weights(1, float.NaN, 3), 5, 0.1, 1)));

    [Fact]
    public void A_model_fetched_from_the_transfer_channel_is_held_to_the_same_weights_contract()
    {
        var nan = MessagePack.MessagePackSerializer.Serialize(Models.Weights(1, float.NaN, 3), WireFormat.Options);
        var good = MessagePack.MessagePackSerializer.Serialize(Models.Weights(1, 2, 3), WireFormat.Options);

        Assert.Equal(RefusalReason.NotFinite, Assert.Throws<ProtocolViolationException>(() => WireFormat.DeserializeWeights(nan)).Reason);
        Assert.Equal(RefusalReason.Malformed, Assert.Throws<ProtocolViolationException>(() => WireFormat.DeserializeWeights(good.AsMemory(0, good.Length - 2))).Reason);
        Assert.Equal(Models.Weights(1, 2, 3), WireFormat.DeserializeWeights(good));
    }

    [Fact]
    public void A_stage_of_999_is_an_unknown_enum() =>
        Assert.Equal(RefusalReason.UnknownEnum, Refusal(new StageFailed(new("s"), 1, (ProtocolStage)999, new("a"), "no")));

    [Fact]
    public void A_histogram_of_3_bins_where_1000_are_expected_is_wrong() =>
        Assert.Equal(RefusalReason.WrongHistogram, Refusal(Evaluation(new EvaluationOutcome(2, 0.5, 0.5, 0.5, ScoreHistogram.Empty(3)))));

    [Fact]
    public void A_histogram_with_a_negative_count_is_wrong()
    {
        var negatives = new long[ScoreHistogram.DefaultBins];
        negatives[7] = -1;

        Assert.Equal(RefusalReason.WrongHistogram, Refusal(Evaluation(new EvaluationOutcome(2, 0.5, 0.5, 0.5, new ScoreHistogram(new long[ScoreHistogram.DefaultBins], negatives)))));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1L << 62)]
    public void An_upload_offer_length_that_no_blob_can_have_is_out_of_range(long length) =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(new UploadOffer(new("s"), 1, new("a"), "FitReply", Hash, length, Hash)));

    [Fact]
    public void An_upload_offer_for_an_unknown_manifest_is_refused() =>
        Assert.Equal(RefusalReason.UnknownManifest, Refusal(new UploadOffer(new("s"), 1, new("a"), "Nonsense", Hash, 10, Hash)));

    [Theory]
    [InlineData("site\n[12:00:00 INF] Round 9 done")]
    [InlineData("site\u001b[31mred")]
    [InlineData("")]
    [InlineData("a site")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x1234")]
    public void A_site_id_outside_the_id_grammar_is_refused_at_registration(string id) =>
        Assert.Equal(RefusalReason.InvalidId, Refusal(new RegisterSite(new(id))));

    [Fact]
    public void A_site_id_of_invalid_utf8_is_refused()
    {
        var bytes = WireFormat.Serialize(new RegisterSite(new("abc")));
        bytes[^3] = 0xff;

        Assert.Equal(RefusalReason.InvalidId, Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(bytes, "RegisterSite")).Reason);
    }

    [Fact]
    public void A_reason_with_control_characters_is_refused() =>
        Assert.Equal(RefusalReason.InvalidText, Refusal(new StageFailed(new("s"), 1, ProtocolStage.Fit, new("a"), "ok\n[ERR] forged")));

    [Fact]
    public void Weights_made_of_many_tiny_tensors_are_refused_before_they_inflate()
    {
        var specs = Enumerable.Range(0, 5_000).Select(i => new TensorSpec($"t{i}", ImmutableArray.Create(1)));
        var weights = new ModelWeights(specs, new float[5_000]);

        Assert.Equal(RefusalReason.WrongLayout, Refusal(new FitReply(new("s"), 1, new("a"), weights, 5, 0.1, 1)));
    }

    [Fact]
    public void A_shape_that_claims_more_values_than_the_block_is_refused_before_the_copy()
    {
        var bytes = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), new ModelWeights([new TensorSpec("w", [3])], [1, 2, 3]), 5, 0.1, 1));
        var at = Array.IndexOf(bytes, (byte)3);
        bytes[at] = 0x7f;

        Assert.Equal(RefusalReason.Malformed, Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(bytes, "FitReply")).Reason);
    }

    [Fact]
    public void A_secure_setup_with_a_threshold_above_its_participants_is_out_of_range() =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(new SecAggSetup(new("s"), 1, [new("a"), new("b")], 1, 3, 32, 10, Hash)));

    [Fact]
    public void A_fit_instruction_with_both_steps_and_epochs_is_out_of_range() =>
        Assert.Equal(RefusalReason.OutOfRange, Refusal(new FitInstruction(new("s"), 1, Models.Spec, Models.Weights(1, 2, 3), Models.Config with { LocalEpochs = 2 })));

    [Fact]
    public void A_payload_larger_than_a_frame_is_refused_by_the_serializer_without_reading_it()
    {
        var serializer = Serializer();

        var refused = Assert.Throws<ProtocolViolationException>(() => serializer.FromBinary(new byte[WireLimits.MaxFrameBytes + 1], "FitReply"));

        Assert.Equal(RefusalReason.TooLarge, refused.Reason);
    }

    [Fact]
    public void Refusals_are_counted_by_reason_and_logged_once_per_reason()
    {
        var serializer = Serializer();
        var negative = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), -5, 0.1, 1));
        var before = serializer.Refusals.Count(RefusalReason.OutOfRange);

        EventFilter.Warning(contains: "(OutOfRange)").Expect(1, () =>
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Throws<ProtocolViolationException>(() => serializer.FromBinary(negative, "FitReply"));
            }
        });

        Assert.Equal(before + 50, serializer.Refusals.Count(RefusalReason.OutOfRange));
    }

    [Fact]
    public void A_refusal_names_the_member_but_never_echoes_the_value()
    {
        var refused = Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(WireFormat.Serialize(new RegisterSite(new("evil\nFORGED"))), "RegisterSite"));

        Assert.Contains("Site", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FORGED", refused.Message, StringComparison.Ordinal);
    }

    private ProtocolSerializer Serializer() =>
        (ProtocolSerializer)((ExtendedActorSystem)Sys).Serialization.FindSerializerForType(typeof(FitReply));

    private static EvaluateReply Evaluation(EvaluationOutcome outcome) => new(new("s"), 1, new("a"), outcome);

    private static RefusalReason Refusal(object message) =>
        Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(WireFormat.Serialize(message), WireFormat.ManifestOf(message.GetType()))).Reason;
}
