using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Audit.Verification;
using FedHealth.Cli.Console;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Audit;

/// <summary>
/// <c>fedhealth audit verify audit.jsonl</c> (or <c>--config</c>/<c>--state</c> for the live trail,
/// <c>--ca</c> to check the certificates): exit 0 when intact, 1 naming the first bad entry.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("export") { Description = "An export written by 'fedhealth audit export'", Arity = ArgumentArity.ZeroOrOne };
        var config = new Option<string?>("--config") { Description = "Verify the live trail of this coordinator.json or node.json" };
        var state = new Option<string?>("--state") { Description = "Verify the live trail of this state directory" };
        var ca = new Option<string?>("--ca") { Description = "The consortium CA certificate (PEM or DER): the audit keys' certificates must be issued by it" };
        var command = new Command("verify", "Check that an audit trail is intact: no entry edited, deleted, reordered or inserted") { file, config, state, ca };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => Task.FromResult(Verify(parse.GetValue(file), parse.GetValue(config), parse.GetValue(state), parse.GetValue(ca))), cancellationToken));
        return command;
    }

    private static int Verify(string? file, string? configPath, string? stateDirectory, string? caPath)
    {
        if (file is not null && (configPath is not null || stateDirectory is not null))
        {
            throw new UserInputException("Give an export file, or --config/--state for the live trail, not both.");
        }

        var entries = file is not null ? AuditSource.Export(file) : AuditSource.Live(AuditSource.StateDirectory(configPath, stateDirectory));
        using var authority = caPath is null ? null : LoadCa(caPath);
        var verdict = AuditVerifier.Verify(entries, authority);
        var keys = string.Join("; ", verdict.Certificates.Distinct(StringComparer.Ordinal));
        if (!verdict.Intact)
        {
            Terminal.Error($"audit trail of {verdict.Service} is NOT intact: {verdict.Reason}");
            return ExitCodes.RunFailed;
        }

        Terminal.Results.WriteLine($"audit trail of {verdict.Service ?? "(empty)"} intact: {verdict.Entries} entries; signed by keys bound to {keys}" +
            (authority is null ? " (certificates not checked against a CA: pass --ca)" : $" (issued by {authority.Subject})"));
        return ExitCodes.Success;
    }

    private static X509Certificate2 LoadCa(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException ex)
        {
            throw new UserInputException($"--ca: '{path}' is not a certificate: {ex.Message}", ex);
        }
    }
}
