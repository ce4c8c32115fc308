using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization;
using FedHealth.Coordinator.Tests.Support;
using System.Runtime.Serialization;
using FedHealth.Hosting.Serialization.Fuzzing;
using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Coordinator.Tests.Serialization;

public sealed class WireFormatSpecs
{
    public static TheoryData<string> AllManifests => new(WireFormat.Manifests);

    [Theory]
    [MemberData(nameof(AllManifests))]
    public void Every_protocol_message_survives_a_round_trip(string manifest)
    {
        var message = WireSamples.Create(WireFormat.TypeOf(manifest));

        var bytes = WireFormat.Serialize(message);
        var back = WireFormat.Deserialize(bytes, WireFormat.ManifestOf(message.GetType()));

        Assert.IsType(message.GetType(), back);
        Assert.Equal(bytes, WireFormat.Serialize(back));
    }

    [Fact]
    public void A_fit_reply_keeps_its_ids_and_exact_weights()
    {
        var reply = new FitReply(new("study"), 4, new("site-a"), Models.Weights(1.5f, float.Epsilon, -0f), 120, 0.33, 12.5);

        var back = (FitReply)WireFormat.Deserialize(WireFormat.Serialize(reply), "FitReply");

        Assert.Equal(reply.Study, back.Study);
        Assert.Equal(reply.Round, back.Round);
        Assert.Equal(reply.Site, back.Site);
        Assert.Equal(reply.Weights, back.Weights);
        Assert.True(reply.Weights.Specs.SequenceEqual(back.Weights.Specs));
        Assert.Equal(120, back.NumExamples);
    }

    [Fact]
    public void A_secure_fit_instruction_carries_its_distributed_dp_parameters_exactly()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var spec = new SecureAggregationSpec(4, 1234.5, 1, 32, true, new DistributedDpSpec(0.75, 3.0e5 / 7, 1.0 / 3, 5, seed));
        var instruction = new FitInstruction(new("study"), 2, Models.Spec, Models.Weights(1, 2, 3), Models.Config, spec);

        var back = (FitInstruction)WireFormat.Deserialize(WireFormat.Serialize(instruction), "FitInstruction");

        var dp = Assert.IsType<DistributedDpSpec>(back.Secure!.DistributedDp);
        Assert.Equal(0.75, dp.Clip);
        Assert.Equal(3.0e5 / 7, dp.Scale);
        Assert.Equal(1.0 / 3, dp.NoiseMultiplier);
        Assert.Equal(5, dp.ExpectedSites);
        Assert.Equal(seed, dp.RotationSeed);
    }

    [Fact]
    public void Weights_travel_as_one_raw_little_endian_block_not_per_element()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => (float)i).ToArray();
        var weights = new ModelWeights([new TensorSpec("w", [100_000])], values);
        var message = new FitInstruction(new("s"), 1, Models.Spec, weights, Models.Config);

        var bytes = WireFormat.Serialize(message);

        Assert.InRange(bytes.Length, 400_000, 400_300);
    }

    [Fact]
    public void A_truncated_message_is_rejected_not_half_read()
    {
        var bytes = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), 10, 0.1, 1));

        Assert.Equal(RefusalReason.Malformed, Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(bytes.AsMemory(0, bytes.Length - 5), "FitReply")).Reason);
    }

    [Fact]
    public void Weights_whose_values_do_not_match_their_shapes_are_rejected()
    {
        var good = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3), 10, 0.1, 1));
        var shapes = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), Models.Weights(1, 2, 3, 4), 10, 0.1, 1));

        Assert.NotEqual(good.Length, shapes.Length);
        var forged = new ModelWeights([new TensorSpec("w", [3])], [1, 2, 3]);
        var bytes = WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), forged, 10, 0.1, 1));
        var tampered = bytes.ToArray();
        var index = Array.IndexOf(tampered, (byte)3);
        tampered[index] = 4;
        Assert.Equal(RefusalReason.Malformed, Assert.Throws<ProtocolViolationException>(() => WireFormat.Deserialize(tampered, "FitReply")).Reason);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_by_name_as_a_serialization_exception()
    {
        var refused = Assert.IsAssignableFrom<SerializationException>(Record.Exception(() => WireFormat.Deserialize(new byte[] { 0x90 }, "Nonsense")));

        Assert.Contains("Nonsense", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.UnknownManifest, Assert.IsType<ProtocolViolationException>(refused).Reason);
    }
}
