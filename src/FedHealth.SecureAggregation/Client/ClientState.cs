namespace FedHealth.SecureAggregation.Client;

/// <summary>Where a client is in its session; the order matters (earlier stages compare lower).</summary>
internal enum ClientState
{
    AwaitingSetup = 0,
    AwaitingKeys = 1,
    AwaitingShares = 2,
    AwaitingSurvivors = 3,
    AwaitingUnmaskRequest = 4,
    Finished = 5,
    Aborted = 6,
}
