using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Models.Registry;
using FedHealth.Models;

namespace FedHealth.Cli.Commands.Models;

/// <summary>The options every <c>models</c> command shares, and the turn of registry errors into the CLI's bad-input errors.</summary>
internal static class ModelsOptions
{
    public static Option<string?> From() => new("--from")
    {
        Description = $"A run folder, or a folder of run folders (default: {ModelRegistry.DefaultFolder}/)",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON" };

    public static Argument<string> Id() => new("id") { Description = "The model id (its SHA-256) or an unambiguous prefix of at least 6 characters" };

    /// <summary>Runs <paramref name="body"/>, reporting a model that cannot be found, read or trusted as bad input.</summary>
    public static Task<int> Run(Func<int> body, CancellationToken cancellationToken) => CommandRunner.RunAsync(_ =>
    {
        try
        {
            return Task.FromResult(body());
        }
        catch (ModelStoreException e)
        {
            throw new UserInputException(e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException(e.Message, e);
        }
        catch (FileNotFoundException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }, cancellationToken);
}
