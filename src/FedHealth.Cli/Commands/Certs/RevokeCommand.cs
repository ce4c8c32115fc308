using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Certs;

/// <summary><c>fedhealth certs revoke</c>: revoke an id's certificates and publish the new CRL.</summary>
internal static class RevokeCommand
{
    public static Command Create()
    {
        var authority = new AuthorityOptions();
        var id = new Option<string>("--id") { Description = "The id whose certificates are revoked", Required = true };
        var serial = new Option<string?>("--serial") { Description = "Revoke only the certificate with this serial (hex)", HelpName = "HEX" };
        var crlDays = InitCaCommand.CrlDaysOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("revoke", "Revoke an id's certificates and publish a new signed CRL (ca.crl.pem) for the peers to pick up")
        {
            id, serial, crlDays, json,
        };
        foreach (var option in authority.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ => CertsOutput.Run(() =>
        {
            var validity = TimeSpan.FromDays(InitCaCommand.Positive(parse.GetValue(crlDays), crlDays.Name));
            using var ca = authority.Open(parse);
            var result = ca.Revoke(parse.GetValue(id)!, parse.GetValue(serial), validity);
            if (result.NewlyRevoked.Count == 0)
            {
                CertsOutput.Note($"'{parse.GetValue(id)}' had nothing left to revoke; the CRL was published again.");
            }

            CertsOutput.Result(parse.GetValue(json),
                new JsonObject
                {
                    ["id"] = parse.GetValue(id),
                    ["revoked"] = new JsonArray(result.NewlyRevoked.Select(e => (JsonNode?)e.Serial).ToArray()),
                    ["crl"] = result.CrlPath,
                    ["crl_number"] = result.CrlNumber,
                    ["next_update"] = result.NextUpdate,
                },
                $"revoked {result.NewlyRevoked.Count} certificate(s) of '{parse.GetValue(id)}'; CRL {result.CrlNumber} published to {result.CrlPath} (next update {CertsOutput.Time(result.NextUpdate)})");
            return ExitCodes.Success;
        }), ct));
        return command;
    }
}
