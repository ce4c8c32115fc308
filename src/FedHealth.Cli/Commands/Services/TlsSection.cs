namespace FedHealth.Cli.Commands.Services;

/// <summary>A service's certificate (PKCS#12; its password from a file or an environment variable) and the consortium's CA and revocation list.</summary>
internal sealed class TlsSection
{
    public string? Certificate { get; set; }

    public string? PasswordFile { get; set; }

    public string? PasswordEnv { get; set; }

    public string? CaCertificate { get; set; }

    public string? Crl { get; set; }
}
