namespace FedHealth.Node.Agent;

/// <summary>The offered model could not be fetched or did not fit its spec; the cause stays in the site's log.</summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
        : base("The offered model could not be fetched.")
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(Exception inner)
        : base("The offered model could not be fetched.", inner)
    {
    }

    public ModelUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
