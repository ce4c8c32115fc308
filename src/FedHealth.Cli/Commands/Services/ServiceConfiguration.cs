using FedHealth.Cli.Console;
using Microsoft.Extensions.Configuration;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// A service's configuration: the JSON file, then <c>FEDHEALTH__</c> environment variables, then
/// command-line overrides (<c>--Study:Rounds 5</c>); bound strictly, so a misspelt key is an error.
/// </summary>
internal static class ServiceConfiguration
{
    public const string EnvironmentPrefix = "FEDHEALTH__";

    public static IConfigurationRoot Build(string path, IReadOnlyList<string> overrides)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--config: no such file '{path}'.");
        }

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddCommandLine([.. overrides])
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new UserInputException($"--config: '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The whole configuration as <typeparamref name="T"/>; any key <typeparamref name="T"/> does not know is refused by name.</summary>
    public static T Bind<T>(IConfiguration configuration)
        where T : new()
    {
        try
        {
            return configuration.Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new UserInputException($"configuration: {ex.Message}", ex);
        }
    }

    /// <summary>Throws one error listing every problem, if there are any.</summary>
    public static void Refuse(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new UserInputException("invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }
    }
}
