using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Pki.Passwords;

namespace FedHealth.Cli.Commands.Certs;

/// <summary>A <c>--…-password-file</c> / <c>--…-password-env</c> pair: there is deliberately no option that takes the password itself.</summary>
internal sealed class PasswordOptions
{
    private PasswordOptions(string prefix, string what, string fallback)
    {
        File = new Option<string?>($"--{prefix}password-file") { Description = $"File holding the password of {what} (first line)", HelpName = "PATH" };
        Environment = new Option<string?>($"--{prefix}password-env") { Description = $"Environment variable holding the password of {what}. Without either: {fallback}", HelpName = "VAR" };
    }

    public Option<string?> File { get; }

    public Option<string?> Environment { get; }

    /// <summary>For a new PKCS#12 file: without a source a password is generated into &lt;file&gt;.pass.</summary>
    public static PasswordOptions ForNewFile(string what) => new(string.Empty, what, "a random password is generated into <file>.pass (mode 0600)");

    /// <summary>For the CA's key: without a source it is read from ca.p12.pass in the CA folder.</summary>
    public static PasswordOptions ForAuthority() => new("ca-", "the CA key (ca.p12)", "read from ca.p12.pass in the CA folder");

    public IEnumerable<Option> All => [File, Environment];

    public PasswordSource? Source(ParseResult parse)
    {
        var (file, variable) = (parse.GetValue(File), parse.GetValue(Environment));
        return (file, variable) switch
        {
            (null, null) => null,
            ({ } path, null) => PasswordSource.FromFile(path),
            (null, { } name) => PasswordSource.FromEnvironment(name),
            _ => throw new UserInputException($"Give {File.Name} or {Environment.Name}, not both."),
        };
    }
}
