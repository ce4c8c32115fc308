namespace FedHealth.Benchmarks.Transfer;

/// <summary>One run of <c>fedhealth bench transfer</c>.</summary>
public sealed record TransferBenchOptions
{
    /// <summary>Size of the float32 weight vector, in MB (10⁶ bytes).</summary>
    public int SizeMb { get; init; } = 100;

    /// <summary>Measured transfers per channel, interleaved so the machine's noise hits all alike; figures are medians.</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Also measure Akka.Remote with its frame limit raised to fit 1 MiB chunks.</summary>
    public bool AkkaLargeFrames { get; init; } = true;
}
