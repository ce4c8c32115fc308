using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;

namespace FedHealth.Cli.Commands.Certs;

/// <summary><c>fedhealth certs issue</c>: a mutual-TLS certificate for a site or the coordinator.</summary>
internal static class IssueCommand
{
    public static Command Create()
    {
        var authority = new AuthorityOptions();
        var id = new Option<string>("--id") { Description = "The site's or coordinator's id: 1–64 letters, digits, '-', '_' or '.'", Required = true };
        var role = new Option<string>("--role") { Description = "site, coordinator, or operator (a person opening a web console remotely)", Required = true };
        role.AcceptOnlyFromAmong("site", "coordinator", "operator");
        var output = new Option<string>("--out") { Description = "Folder for <id>.crt.pem, <id>.p12 and a copy of ca.crt.pem", Required = true, HelpName = "DIR" };
        var days = new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => IssueRequest.DefaultDays };
        var dns = new Option<string[]>("--dns") { Description = "DNS names the holder is reached at", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["localhost"], HelpName = "NAME" };
        var ips = new Option<string[]>("--ip") { Description = "IP addresses the holder is reached at", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["127.0.0.1"], HelpName = "ADDRESS" };
        var notBefore = new Option<string?>("--not-before") { Description = "Explicit start of validity, ISO 8601 (with --not-after; for tests, e.g. an expired certificate)", HelpName = "TIME" };
        var notAfter = new Option<string?>("--not-after") { Description = "Explicit end of validity, ISO 8601 (with --not-before)", HelpName = "TIME" };
        var password = PasswordOptions.ForNewFile("<id>.p12");
        var force = new Option<bool>("--force") { Description = "Issue even though the id holds a valid certificate (the old one stays valid until revoked)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("issue", "Issue a certificate and key (PKCS#12, password protected) for a site, the coordinator or a console operator")
        {
            id, role, output, days, dns, ips, notBefore, notAfter, force, json,
        };
        foreach (var option in authority.All.Concat(password.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ => CertsOutput.Run(() =>
        {
            var request = new IssueRequest(parse.GetValue(id)!, PeerRoles.Parse(parse.GetValue(role)!), parse.GetValue(output)!)
            {
                Days = InitCaCommand.Positive(parse.GetValue(days), days.Name),
                DnsNames = parse.GetValue(dns)!,
                IpAddresses = parse.GetValue(ips)!.Select(Address).ToList(),
                NotBefore = Time(parse.GetValue(notBefore), notBefore.Name),
                NotAfter = Time(parse.GetValue(notAfter), notAfter.Name),
                Password = password.Source(parse),
                Force = parse.GetValue(force),
            };
            PeerIds.Validate(request.Id);
            using var ca = authority.Open(parse);
            var issued = ca.Issue(request);
            Report(issued, parse.GetValue(authority.Directory)!, parse.GetValue(json));
            return ExitCodes.Success;
        }), ct));
        return command;
    }

    private static void Report(IssuedCredentials issued, string caDirectory, bool json)
    {
        var entry = issued.Entry;
        if (issued.GeneratedPasswordFile is { } generated)
        {
            CertsOutput.PasswordGenerated(generated);
        }

        foreach (var old in issued.StillValid)
        {
            CertsOutput.Note($"'{entry.Id}' still holds certificate {old.Serial}, valid until revoked: fedhealth certs revoke --ca {caDirectory} --id {entry.Id} --serial {old.Serial}");
        }

        CertsOutput.Result(json,
            new JsonObject
            {
                ["id"] = entry.Id,
                ["role"] = entry.Role,
                ["serial"] = entry.Serial,
                ["not_before"] = entry.NotBefore,
                ["not_after"] = entry.NotAfter,
                ["certificate"] = issued.CertificatePath,
                ["pkcs12"] = issued.Pkcs12Path,
                ["ca_certificate"] = issued.AuthorityCertificatePath,
                ["password_file"] = issued.GeneratedPasswordFile,
            },
            $"issued {entry.Role} '{entry.Id}' (serial {entry.Serial}, valid {CertsOutput.Time(entry.NotBefore)} to {CertsOutput.Time(entry.NotAfter)}): {issued.Pkcs12Path}");
    }

    private static IPAddress Address(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new UserInputException($"--ip: '{text}' is not an IP address.");

    private static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new UserInputException($"{option}: '{text}' is not an ISO 8601 time such as 2025-01-31T12:00:00Z.");
}
