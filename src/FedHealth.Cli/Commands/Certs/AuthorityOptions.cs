using System.CommandLine;
using FedHealth.Pki.Authority;

namespace FedHealth.Cli.Commands.Certs;

/// <summary>The options every command that signs with the CA key shares: its folder and its password.</summary>
internal sealed class AuthorityOptions
{
    public Option<string> Directory { get; } = new("--ca") { Description = "The CA folder made by init-ca", Required = true, HelpName = "DIR" };

    public PasswordOptions Password { get; } = PasswordOptions.ForAuthority();

    public IEnumerable<Option> All => [Directory, .. Password.All];

    public CertificateAuthority Open(ParseResult parse) => CertificateAuthority.Open(parse.GetValue(Directory)!, Password.Source(parse));
}
