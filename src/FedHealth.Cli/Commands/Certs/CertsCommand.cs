using System.CommandLine;

namespace FedHealth.Cli.Commands.Certs;

/// <summary>
/// <c>fedhealth certs init-ca|issue|revoke|crl|list</c>: the consortium PKI for mutual TLS between
/// the coordinator and the sites. Passwords come from files or environment variables, never from
/// a command-line value.
/// </summary>
internal static class CertsCommand
{
    public static Command Create() => new("certs", "The consortium certificate authority: certificates for mutual TLS between sites and the coordinator")
    {
        InitCaCommand.Create(),
        IssueCommand.Create(),
        RevokeCommand.Create(),
        CrlCommand.Create(),
        ListCommand.Create(),
    };
}
