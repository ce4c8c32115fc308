using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Pki.Authority;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Certs;

/// <summary><c>fedhealth certs list</c>: what the CA has issued, with each certificate's status. Needs no password.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var directory = new Option<string>("--ca") { Description = "The CA folder made by init-ca", Required = true, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("list", "List the certificates the CA has issued") { directory, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ => CertsOutput.Run(() =>
        {
            var index = CertificateAuthority.ReadIndex(parse.GetValue(directory)!);
            var now = DateTimeOffset.UtcNow;
            if (parse.GetValue(json))
            {
                var certificates = index.Certificates.Select(e => (JsonNode?)new JsonObject
                {
                    ["id"] = e.Id,
                    ["role"] = e.Role,
                    ["serial"] = e.Serial,
                    ["not_before"] = e.NotBefore,
                    ["not_after"] = e.NotAfter,
                    ["revoked_at"] = e.RevokedAt,
                    ["status"] = e.StatusAt(now),
                });
                CertsOutput.Result(json: true, new JsonObject { ["consortium"] = index.Consortium, ["crl_number"] = index.CrlNumber, ["certificates"] = new JsonArray(certificates.ToArray()) }, string.Empty);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "role", "serial", "not before", "not after", "status");
            foreach (var e in index.Certificates)
            {
                table.AddRow(Markup.Escape(e.Id), e.Role, e.Serial, CertsOutput.Time(e.NotBefore), CertsOutput.Time(e.NotAfter), e.StatusAt(now));
            }

            Terminal.Out.Write(table);
            return ExitCodes.Success;
        }), ct));
        return command;
    }
}
