namespace FedHealth.Privacy.Ledger;

/// <summary>
/// The privacy parameters of what a round ran, kept next to its RDP curve so an auditor can
/// recompute it: mechanism kind (e.g. "subsampled_gaussian", "distributed_discrete_gaussian",
/// "central_gaussian"), noise multiplier σ, sampling rate q, steps, clip C, and the sites whose
/// noise was present (for distributed DP). Privacy parameters only, never patient data.
/// </summary>
public sealed record MechanismParameters(
    string Kind,
    double NoiseMultiplier,
    double SamplingRate,
    long Steps,
    double? Clip = null,
    int? Contributors = null);
