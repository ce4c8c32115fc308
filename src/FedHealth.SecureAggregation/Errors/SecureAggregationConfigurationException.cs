namespace FedHealth.SecureAggregation.Errors;

/// <summary>A configuration the protocol refuses: too few sites, a modulus that could overflow, inconsistent parameters.</summary>
public sealed class SecureAggregationConfigurationException : Exception
{
    public SecureAggregationConfigurationException()
    {
    }

    public SecureAggregationConfigurationException(string message)
        : base(message)
    {
    }

    public SecureAggregationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
