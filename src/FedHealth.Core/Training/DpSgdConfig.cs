using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// Record-level differential privacy for local training (DP-SGD): each step draws a Poisson sample
/// of the site's rows with rate <see cref="SamplingRate"/>, clips every per-example gradient to L2
/// norm <see cref="ClipNorm"/> and adds Gaussian noise of standard deviation
/// <see cref="NoiseMultiplier"/> · <see cref="ClipNorm"/> to the sum.
/// </summary>
[MessagePackObject]
public sealed record DpSgdConfig(
    [property: Key(0)] double NoiseMultiplier,
    [property: Key(1)] double ClipNorm,
    [property: Key(2)] double SamplingRate);
