namespace FedHealth.Coordinator.Aggregation;

/// <summary>How an adaptive server optimiser updates its second moment v from the pseudo-gradient Δ.</summary>
public enum AdaptiveRule
{
    /// <summary>FedAdagrad: v ← v + Δ².</summary>
    Adagrad,

    /// <summary>FedAdam: v ← β₂·v + (1 − β₂)·Δ².</summary>
    Adam,

    /// <summary>FedYogi: v ← v − (1 − β₂)·Δ²·sign(v − Δ²).</summary>
    Yogi,
}
