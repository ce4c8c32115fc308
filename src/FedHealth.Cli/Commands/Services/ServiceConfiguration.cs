using FedHealth.Cli.Console;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// The configuration as validated options (<see cref="IOptions{TOptions}"/>): bound strictly
    /// (an unknown key is refused by name) and checked by <paramref name="problems"/> before the
    /// service starts; every problem is named in one error.
    /// </summary>
    public static T Load<T>(IConfiguration configuration, Func<T, IReadOnlyList<string>> problems)
        where T : class, new()
    {
        var services = new ServiceCollection();
        services.AddOptions<T>().Bind(configuration, o => o.ErrorOnUnknownConfiguration = true);
        services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(problems));
        using var provider = services.BuildServiceProvider();
        try
        {
            return provider.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw Refusal([.. ex.Failures]);
        }
        catch (InvalidOperationException ex)
        {
            throw new UserInputException(ShownText.Of($"configuration: {ex.Message}"), ex);
        }
    }

    /// <summary>One error listing every problem.</summary>
    private static UserInputException Refusal(IReadOnlyList<string> problems) =>
        new("invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + ShownText.Of(p))));
}
