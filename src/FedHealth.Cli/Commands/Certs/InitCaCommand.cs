using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Pki.Authority;

namespace FedHealth.Cli.Commands.Certs;

/// <summary><c>fedhealth certs init-ca</c>: a new consortium root CA in an empty folder.</summary>
internal static class InitCaCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the CA (created; must not hold a CA already)", Required = true, HelpName = "DIR" };
        var name = new Option<string>("--name") { Description = "The consortium's name (the O= of every certificate)", Required = true };
        var days = new Option<int>("--days") { Description = "Validity of the CA in days", DefaultValueFactory = _ => InitCaRequest.DefaultDays };
        var crlDays = CrlDaysOption();
        var password = PasswordOptions.ForNewFile("ca.p12");
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("init-ca", "Create the consortium root CA: ca.crt.pem, ca.p12 (the key, password protected), ca.crl.pem and index.json")
        {
            output, name, days, crlDays, json,
        };
        foreach (var option in password.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ => CertsOutput.Run(() =>
        {
            var created = CertificateAuthority.Initialize(new InitCaRequest(parse.GetValue(output)!, parse.GetValue(name)!)
            {
                Days = parse.GetValue(days),
                Password = password.Source(parse),
                CrlValidity = TimeSpan.FromDays(Positive(parse.GetValue(crlDays), crlDays.Name)),
            });
            if (created.GeneratedPasswordFile is { } generated)
            {
                CertsOutput.PasswordGenerated(generated);
            }

            CertsOutput.Result(parse.GetValue(json),
                new JsonObject
                {
                    ["directory"] = created.Directory.Path,
                    ["certificate"] = created.Directory.Certificate,
                    ["crl"] = created.Directory.Crl,
                    ["serial"] = created.Serial,
                    ["not_after"] = created.NotAfter,
                    ["password_file"] = created.GeneratedPasswordFile,
                },
                $"consortium CA created in {created.Directory.Path} (serial {created.Serial}, valid until {CertsOutput.Time(created.NotAfter)})");
            return ExitCodes.Success;
        }), ct));
        return command;
    }

    public static Option<int> CrlDaysOption() =>
        new("--crl-days") { Description = "Days until the published CRL's next update; peers refuse connections once it passes", DefaultValueFactory = _ => 7 };

    public static int Positive(int value, string option) =>
        value > 0 ? value : throw new UserInputException($"{option} must be at least 1 (got {value}).");
}
