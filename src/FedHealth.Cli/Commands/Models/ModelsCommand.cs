using System.CommandLine;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models</c>: the saved models of finished studies (docs/models.md).</summary>
internal static class ModelsCommand
{
    public static Command Create() => new("models", "Saved models: list, show, predict, export, import, diff, card")
    {
        ModelsListCommand.Create(),
        ModelsShowCommand.Create(),
        ModelsPredictCommand.Create(),
        ModelsExportCommand.Create(),
        ModelsImportCommand.Create(),
        ModelsDiffCommand.Create(),
        ModelsCardCommand.Create(),
    };
}
