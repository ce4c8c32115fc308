using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// Site-level DP under secure aggregation (distributed DP): the site clips its update to L2 norm
/// <see cref="Clip"/>, rotates it with the randomized Hadamard transform keyed by
/// <see cref="RotationSeed"/> (fresh every round), scales by <see cref="Scale"/>, rounds randomly,
/// and adds its share of discrete Gaussian noise: total standard deviation
/// <see cref="NoiseMultiplier"/> × the quantized sensitivity, split over <see cref="ExpectedSites"/> sites.
/// Every number the site derives from these uses only correctly rounded arithmetic, so the site
/// and the coordinator agree on the noise to the last bit.
/// </summary>
[MessagePackObject]
public sealed record DistributedDpSpec(
    [property: Key(0)] double Clip,
    [property: Key(1)] double Scale,
    [property: Key(2)] double NoiseMultiplier,
    [property: Key(3)] int ExpectedSites,
    [property: Key(4)] byte[] RotationSeed);
