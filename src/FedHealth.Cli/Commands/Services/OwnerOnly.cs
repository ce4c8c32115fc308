using System.Globalization;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Services;

/// <summary>A service's secret files must be readable by their owner alone (docs/deployment.md): a group- or world-readable one is refused.</summary>
internal static class OwnerOnly
{
    private const UnixFileMode Others =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="UserInputException">The file is open to other users.</exception>
    public static void Check(string key, string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            // A missing file is the password source's own error, with its name.
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) != 0)
        {
            var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
            throw new UserInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{key}: '{path}' can be read or changed by other users (mode {octal}); make it owner-only: chmod 600 '{path}'."));
        }
    }
}
