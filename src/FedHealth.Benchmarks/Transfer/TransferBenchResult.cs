using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// One run of the model-transfer benchmark: the blob channel and plain Akka.Remote moving the same
/// bytes between two endpoints on loopback, measured side by side in one process.
/// </summary>
public sealed record TransferBenchResult(
    [property: JsonPropertyName("size_bytes")] long SizeBytes,
    [property: JsonPropertyName("repetitions")] int Repetitions,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("blob")] ChannelFigures Blob,
    [property: JsonPropertyName("akka")] IReadOnlyList<ChannelFigures> Akka,
    [property: JsonPropertyName("verified")] bool Verified)
{
    /// <summary>SHA-256 of the vector when it is published (once, before any transfer).</summary>
    [JsonPropertyName("publish_ms")]
    public double PublishMilliseconds { get; init; }

    /// <summary>How long both channels ran before the JIT was quiet and measuring began.</summary>
    [JsonPropertyName("warm_up_s")]
    public double WarmUpSeconds { get; init; }

    /// <summary>The blob channel against the fastest Akka.Remote configuration measured.</summary>
    [JsonPropertyName("ratio")]
    public double Ratio => Math.Round(Blob.MegabytesPerSecond / Akka.Max(a => a.MegabytesPerSecond), 2);

    /// <summary>The blob channel against Akka.Remote as shipped (the first configuration).</summary>
    [JsonPropertyName("ratio_vs_default_frames")]
    public double RatioVersusDefaultFrames => Math.Round(Blob.MegabytesPerSecond / Akka[0].MegabytesPerSecond, 2);

    public string ToJson() => JsonSerializer.Serialize(this);
}
