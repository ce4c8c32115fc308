namespace FedHealth.Cli.Commands.Services;

/// <summary>Where a service listens, and the name its peers reach it by.</summary>
internal sealed class EndpointSection
{
    public string Host { get; set; } = "0.0.0.0";

    public int Port { get; set; }

    public string? PublicHost { get; set; }
}
