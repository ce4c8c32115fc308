using System.Text.RegularExpressions;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// A PostgreSQL identifier taken from configuration (the CDM schema's name). Only plain lower-case
/// names are accepted and they are always double-quoted, so a configured value can never become SQL.
/// </summary>
public static partial class SqlIdentifier
{
    public static bool IsValid(string? name) => name is not null && Plain().IsMatch(name);

    /// <exception cref="DataValidationException">Not a plain identifier.</exception>
    public static string Quote(string? name, string what) => IsValid(name)
        ? $"\"{name}\""
        : throw new DataValidationException(
            $"The {what} must be a plain PostgreSQL name (lower-case letters, digits and '_', starting with a letter or '_', at most 63 characters), not '{name}'.");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Plain();
}
