namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// The stages of one secure-aggregation session, in order. Numeric values are part of the wire
/// format: append only.
/// </summary>
public enum SecAggStage
{
    AdvertiseKeys = 0,
    ShareKeys = 1,
    MaskedInput = 2,
    ConsistencyCheck = 3,
    Unmask = 4,
}
