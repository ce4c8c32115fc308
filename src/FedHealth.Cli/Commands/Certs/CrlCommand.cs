using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Certs;

/// <summary><c>fedhealth certs crl</c>: publish a fresh CRL before the current one's next update passes.</summary>
internal static class CrlCommand
{
    public static Command Create()
    {
        var authority = new AuthorityOptions();
        var crlDays = InitCaCommand.CrlDaysOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("crl", "Publish a fresh signed CRL with the same revocations (run it before the current one's next update)") { crlDays, json };
        foreach (var option in authority.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ => CertsOutput.Run(() =>
        {
            var validity = TimeSpan.FromDays(InitCaCommand.Positive(parse.GetValue(crlDays), crlDays.Name));
            using var ca = authority.Open(parse);
            var result = ca.PublishCrl(validity);
            CertsOutput.Result(parse.GetValue(json),
                new JsonObject { ["crl"] = result.CrlPath, ["crl_number"] = result.CrlNumber, ["next_update"] = result.NextUpdate },
                $"CRL {result.CrlNumber} published to {result.CrlPath} (next update {CertsOutput.Time(result.NextUpdate)})");
            return ExitCodes.Success;
        }), ct));
        return command;
    }
}
