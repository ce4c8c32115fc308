namespace FedHealth.Models;

/// <summary>A model cannot be found, read or trusted; the message names the model or file and what is wrong.</summary>
public sealed class ModelStoreException : Exception
{
    public ModelStoreException()
    {
    }

    public ModelStoreException(string message)
        : base(message)
    {
    }

    public ModelStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
