using FedHealth.Core.Enrolment;
using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// Tells a site to return its update only through secure aggregation, and how to quantize it:
/// the update Δ = w_local − w_global is clipped to ±<see cref="ClipRange"/> per coordinate,
/// multiplied by the site's weight (its example count capped at <see cref="MaxWeight"/>, or 1 with
/// <see cref="UnitWeights"/>), scaled by <see cref="Scale"/> and stochastically rounded mod 2^<see cref="ModulusBits"/>.
/// With <see cref="DistributedDp"/> the site instead sends [1, its distributed-DP encoding] (clip,
/// rotation, quantization and noise share as that spec says) mod 2^<see cref="ModulusBits"/>.
/// Across a network, <see cref="Enrolments"/> carries the sampled sites' certificate-bound signing
/// keys, which each site verifies itself before trusting a peer's signed protocol keys.
/// </summary>
[MessagePackObject]
public sealed record SecureAggregationSpec(
    [property: Key(0)] double ClipRange,
    [property: Key(1)] double Scale,
    [property: Key(2)] long MaxWeight,
    [property: Key(3)] int ModulusBits,
    [property: Key(4)] bool UnitWeights,
    [property: Key(5)] DistributedDpSpec? DistributedDp = null,
    [property: Key(6)] IReadOnlyList<SiteEnrolment>? Enrolments = null);
