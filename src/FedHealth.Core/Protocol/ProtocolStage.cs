namespace FedHealth.Core.Protocol;

/// <summary>The stages of a round. Numeric values are part of the wire format: append only.</summary>
public enum ProtocolStage
{
    Fit = 0,
    Evaluate = 1,

    /// <summary>The secure federated statistics before the first round.</summary>
    Statistics = 2,
}
