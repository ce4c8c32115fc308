using System.Net;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// The service's HTTP endpoint for monitoring (<c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>):
/// off unless <see cref="Port"/> is set; bound to the loopback address unless <see cref="Host"/> says otherwise.
/// </summary>
internal sealed class MetricsSection
{
    public const int DefaultCertificateWarningDays = 14;

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 or absent: no endpoint.</summary>
    public int Port { get; set; }

    /// <summary><c>/readyz</c> fails once the service's certificate expires within this many days.</summary>
    public int CertificateWarningDays { get; set; } = DefaultCertificateWarningDays;

    public bool Enabled => Port != 0;

    /// <summary>The address to listen on: an IP address, or <c>localhost</c> for the loopback one; null when <see cref="Host"/> is neither.</summary>
    public IPAddress? Address() =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(Host, out var address) ? address
        : null;

    public static void Check(string key, MetricsSection metrics, List<string> problems)
    {
        if (metrics.Port is < 0 or > 65535)
        {
            problems.Add($"{key}:Port must be 1–65535, or 0 for no metrics endpoint (got {metrics.Port}).");
        }

        if (metrics.Enabled && metrics.Address() is null)
        {
            problems.Add($"{key}:Host must be an IP address (127.0.0.1, 0.0.0.0, …) or localhost (got '{metrics.Host}').");
        }

        if (metrics.CertificateWarningDays < 0)
        {
            problems.Add($"{key}:CertificateWarningDays must be 0 or more (got {metrics.CertificateWarningDays}).");
        }
    }
}
