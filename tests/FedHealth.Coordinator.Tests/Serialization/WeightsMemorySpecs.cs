using System.Collections.Immutable;
using FedHealth.Core.Protocol;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization;
using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Coordinator.Tests.Serialization;

/// <summary>Reading weights costs memory in proportion to the payload, whatever the layout (allocation counted, not timed).</summary>
public sealed class WeightsMemorySpecs
{
    [Fact]
    public void Reading_one_large_tensor_allocates_about_the_payload_once()
    {
        var bytes = Reply([new TensorSpec("w", [1_000_000])]);

        Assert.InRange(AllocatedReading(bytes), bytes.Length, (bytes.Length * 1.1) + (64 * 1024));
    }

    [Fact]
    public void Reading_the_most_tensors_allowed_allocates_a_bounded_overhead_not_a_multiple_of_the_payload()
    {
        var many = Reply(Enumerable.Range(0, WireLimits.MaxTensors).Select(i => new TensorSpec($"t{i}", ImmutableArray.Create(250))).ToArray());

        // About 150 bytes of objects per tensor at most: 1,024 tensors cost well under 1 MiB beyond the values.
        Assert.InRange(AllocatedReading(many), many.Length, many.Length + (1024 * 1024));
    }

    private static byte[] Reply(TensorSpec[] specs) =>
        WireFormat.Serialize(new FitReply(new("s"), 1, new("a"), new ModelWeights(specs, new float[specs.Sum(s => s.ElementCount)]), 5, 0.1, 1));

    private static long AllocatedReading(byte[] bytes)
    {
        WireFormat.Deserialize(bytes, "FitReply");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = WireFormat.Deserialize(bytes, "FitReply");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(message);
        return allocated;
    }
}
