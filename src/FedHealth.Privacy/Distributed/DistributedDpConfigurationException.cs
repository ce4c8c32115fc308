namespace FedHealth.Privacy.Distributed;

/// <summary>A distributed-DP configuration that cannot be run safely (the message says what to change).</summary>
public sealed class DistributedDpConfigurationException(string message) : Exception(message);
