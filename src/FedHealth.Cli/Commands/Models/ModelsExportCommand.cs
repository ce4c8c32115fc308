using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using FedHealth.Training.Export;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary><c>fedhealth models export ID --format pytorch --out model.pt</c>: a PyTorch state_dict and the manifest beside it.</summary>
internal static class ModelsExportCommand
{
    public const string ManifestSuffix = ".manifest.json";

    public static Command Create()
    {
        var id = ModelsOptions.Id();
        var from = ModelsOptions.From();
        var format = new Option<string>("--format") { Description = "The file format: pytorch (a state_dict for torch.load)", DefaultValueFactory = _ => "pytorch" };
        var output = new Option<string>("--out") { Description = "The file to write, e.g. model.pt; the manifest goes beside it as NAME.manifest.json", Required = true };
        var json = ModelsOptions.Json();
        var command = new Command("export", "Write a model as a PyTorch state_dict, with its manifest beside it") { id, from, format, output, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            if (!string.Equals(parse.GetValue(format), "pytorch", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"--format: '{parse.GetValue(format)}' is not a format this fedhealth writes (pytorch).");
            }

            var model = ModelRegistry.Open(parse.GetValue(from)).Find(parse.GetValue(id)!);
            var path = parse.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            PyTorchStateDict.Save(ManifestLayout.Spec(model.Manifest.Architecture), model.Weights(), path);
            var manifestPath = ManifestPathFor(path);
            File.WriteAllText(manifestPath, ManifestJson.Serialize(model.Manifest));
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonObject { ["model"] = model.Id, ["file"] = path, ["manifest"] = manifestPath }.ToJsonString());
            }
            else
            {
                Terminal.Out.WriteLine($"{model.Id[..12]} exported: {path} (manifest {manifestPath})");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary><c>model.pt</c> → <c>model.manifest.json</c>.</summary>
    public static string ManifestPathFor(string file) =>
        Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, Path.GetFileNameWithoutExtension(file) + ManifestSuffix);
}
