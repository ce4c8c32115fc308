using System.Text.Json.Serialization;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>How fast one channel moved the weight vector, end to end (connect or first send → verified bytes).</summary>
public sealed record ChannelFigures(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("configuration")] string Configuration,
    [property: JsonPropertyName("chunk_bytes")] int ChunkBytes,
    [property: JsonPropertyName("mutual_tls")] bool MutualTls,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("mb_per_s")] double MegabytesPerSecond,
    [property: JsonPropertyName("mb_per_s_runs")] IReadOnlyList<double> RunsMegabytesPerSecond);
