using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedHealth.Benchmarks.SecureAggregation;

/// <summary>
/// What one benchmark run measured. <see cref="ClientMs"/> is the mean time one site spends in
/// protocol code over all stages; <see cref="ServerMs"/> the coordinator's total; <see cref="FloorMs"/>
/// the work no implementation can skip, measured in the same run with the same kernels and cores:
/// the modular sum of the survivors' vectors plus expanding every mask the coordinator removed.
/// </summary>
public sealed record SecAggBenchResult(
    [property: JsonPropertyName("sites")] int Sites,
    [property: JsonPropertyName("params")] int Params,
    [property: JsonPropertyName("dropout")] double Dropout,
    [property: JsonPropertyName("client_ms")] double ClientMs,
    [property: JsonPropertyName("server_ms")] double ServerMs,
    [property: JsonPropertyName("floor_ms")] double FloorMs,
    [property: JsonPropertyName("upload_bytes_per_site")] long UploadBytesPerSite,
    [property: JsonPropertyName("sum_correct")] bool SumCorrect)
{
    [JsonPropertyName("neighbours")]
    public int Neighbours { get; init; }

    [JsonPropertyName("threshold")]
    public int Threshold { get; init; }

    [JsonPropertyName("complete_graph")]
    public bool CompleteGraph { get; init; }

    [JsonPropertyName("dropped_sites")]
    public int DroppedSites { get; init; }

    [JsonPropertyName("masks_removed")]
    public int MasksRemoved { get; init; }

    [JsonPropertyName("aborted")]
    public string? Aborted { get; init; }

    [JsonPropertyName("client_max_ms")]
    public double ClientMaxMs { get; init; }

    [JsonPropertyName("floor_sum_ms")]
    public double FloorSumMs { get; init; }

    [JsonPropertyName("floor_prg_ms")]
    public double FloorPrgMs { get; init; }

    [JsonPropertyName("server_floor_ratio")]
    public double ServerFloorRatio => FloorMs > 0 ? ServerMs / FloorMs : double.NaN;

    [JsonPropertyName("quantized_bytes_per_site")]
    public long QuantizedBytesPerSite { get; init; }

    [JsonPropertyName("upload_ratio")]
    public double UploadRatio => QuantizedBytesPerSite > 0 ? (double)UploadBytesPerSite / QuantizedBytesPerSite : double.NaN;

    [JsonPropertyName("repetitions")]
    public int Repetitions { get; init; } = 1;

    [JsonPropertyName("server_ms_runs")]
    public IReadOnlyList<double> ServerMsRuns { get; init; } = [];

    [JsonPropertyName("floor_ms_runs")]
    public IReadOnlyList<double> FloorMsRuns { get; init; } = [];

    [JsonPropertyName("prg_gb_per_s_one_core")]
    public double PrgGigabytesPerSecond { get; init; }

    [JsonPropertyName("prg_implementation")]
    public string PrgImplementation { get; init; } = string.Empty;

    [JsonPropertyName("cores")]
    public int Cores { get; init; }

    [JsonPropertyName("collusion_bits")]
    public double CollusionBits { get; init; }

    [JsonPropertyName("correctness_bits")]
    public double CorrectnessBits { get; init; }

    /// <summary>The fields the issues name for <c>--json</c>, with the k and t the run used.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new Dictionary<string, object>
        {
            ["sites"] = Sites,
            ["params"] = Params,
            ["dropout"] = Dropout,
            ["client_ms"] = Math.Round(ClientMs, 1),
            ["server_ms"] = Math.Round(ServerMs, 1),
            ["floor_ms"] = Math.Round(FloorMs, 3), // tiny vectors have a floor of microseconds, which must not print as 0
            ["upload_bytes_per_site"] = UploadBytesPerSite,
            ["sum_correct"] = SumCorrect,
            ["neighbours"] = Neighbours,
            ["threshold"] = Threshold,
            ["complete_graph"] = CompleteGraph,
        });

    /// <summary>Every field, including the parameters, the floor's parts and the PRG rate.</summary>
    public string ToDetailedJson() => JsonSerializer.Serialize(this, DetailedOptions);

    private static readonly JsonSerializerOptions DetailedOptions = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
