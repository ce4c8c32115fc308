using System.CommandLine;

namespace FedHealth.Cli.Commands.Audit;

/// <summary><c>fedhealth audit export|verify|compare</c>: a service's tamper-evident audit trail (docs/audit.md).</summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Export, verify and cross-check the services' tamper-evident audit trails")
    {
        AuditExportCommand.Create(),
        AuditVerifyCommand.Create(),
        AuditCompareCommand.Create(),
    };
}
