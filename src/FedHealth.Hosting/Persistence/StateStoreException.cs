namespace FedHealth.Hosting.Persistence;

/// <summary>The state cannot be used as it is (unreachable, locked, corrupt, newer); the message says which and what to do.</summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException()
    {
    }

    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
