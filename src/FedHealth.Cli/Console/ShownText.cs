using System.Globalization;
using System.Text.RegularExpressions;

namespace FedHealth.Cli.Console;

/// <summary>
/// A message about the user's input, made safe to print: each quoted value cut to 40 characters
/// (with its length), and no control character (a newline or an ANSI escape in a configured value
/// cannot forge lines on the terminal or in a log).
/// </summary>
internal static partial class ShownText
{
    private const int ShownCharacters = 40;

    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cut = Quoted().Replace(message, m => $"'{Cut(m.Groups[1].Value)}'");
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }

    private static string Cut(string value) =>
        value.Length <= ShownCharacters
            ? value
            : string.Create(CultureInfo.InvariantCulture, $"{value[..ShownCharacters]}… ({value.Length:N0} characters)");

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
