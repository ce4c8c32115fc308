namespace FedHealth.Simulation.Processes;

/// <summary>The federation could not be started or run: a process refused its configuration, or exited early. The message names the log to read.</summary>
public sealed class FederationException : Exception
{
    public FederationException()
    {
    }

    public FederationException(string message)
        : base(message)
    {
    }

    public FederationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code of the process that ended the attempt, when one did.</summary>
    public int? ExitCode { get; init; }
}
