using System.CommandLine;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// <c>fedhealth study add-site --config coordinator.json --site ID</c>: enrols one more site in the
/// coordinator's running study, as a change signed with the coordinator certificate's key that the
/// coordinator picks up at once (the site registers and joins the next round; no restart).
/// </summary>
internal static class StudyAddSiteCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The coordinator's JSON configuration", Required = true };
        var site = new Option<string>("--site") { Description = "The site id to enrol (its certificate must come from the consortium CA)", Required = true };
        var add = new Command("add-site", "Enrol one more site in the running study: a signed change the coordinator picks up without a restart") { config, site };
        add.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => Task.FromResult(Add(parse.GetValue(config)!, parse.GetValue(site)!)), cancellationToken));
        return new Command("study", "Change a running study") { add };
    }

    private static int Add(string configPath, string site)
    {
        if (!PeerIds.IsValid(site))
        {
            throw new UserInputException($"--site: '{site}' is not a valid site id (letters, digits, '-', '_', '.', 1–64 characters).");
        }

        var config = ServiceConfiguration.Load<CoordinatorConfig>(ServiceConfiguration.Build(configPath, []), c => c.Problems());
        var tls = config.Coordinator.Tls;
        var password = tls.PasswordFile is { } file ? PasswordSource.FromFile(file) : PasswordSource.FromEnvironment(tls.PasswordEnv!);
        using var certificate = LoadCertificate(tls.Certificate!, password);
        var path = AddedSites.PathIn(config.Coordinator.Audit.Resolve(configPath));
        var sites = AddedSites.Add(path, site, certificate);
        Terminal.Err.WriteLine($"site {site} enrolled in the running study (added sites: {string.Join(", ", sites)}); signed change in {path}");
        return ExitCodes.Success;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string path, PasswordSource password)
    {
        try
        {
            return SiteCredentials.Load(path, password);
        }
        catch (Pki.PkiException ex)
        {
            throw new UserInputException($"Coordinator:Tls:Certificate: {ex.Message}", ex);
        }
    }
}
