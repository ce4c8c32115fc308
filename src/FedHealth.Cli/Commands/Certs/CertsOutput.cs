using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Pki;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Certs;

/// <summary>Results on stdout (a line, or one JSON object with --json); advice on stderr; PKI refusals as user errors.</summary>
internal static class CertsOutput
{
    public static Task<int> Run(Func<int> body)
    {
        try
        {
            return Task.FromResult(body());
        }
        catch (PkiException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written, a full disk: the operator's to fix, so one line, no stack trace.
            throw new UserInputException(ex.Message, ex);
        }
    }

    public static void Result(bool json, JsonObject value, string text) =>
        Terminal.Results.WriteLine(json ? value.ToJsonString() : text);

    public static void Note(string message) => Terminal.Err.MarkupLine(Markup.Escape(message));

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static void PasswordGenerated(string path) =>
        Note($"A random password was written to {path} (readable by you only). Keep it with the key file; never commit either.");
}
