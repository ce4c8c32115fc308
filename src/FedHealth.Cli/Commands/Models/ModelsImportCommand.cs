using System.CommandLine;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using FedHealth.Models;
using FedHealth.Training.Export;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// <c>fedhealth models import model.pt --to FOLDER</c>: reads an exported state_dict back with its
/// manifest, checks the weights hash to the manifest's id, and stores it in FOLDER's <c>model/</c>.
/// </summary>
internal static class ModelsImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PyTorch state_dict written by 'models export' (its NAME.manifest.json beside it)" };
        var manifestOption = new Option<string?>("--manifest") { Description = "The manifest, if not beside the file" };
        var to = new Option<string>("--to") { Description = "The folder to store the model in (its model/ subfolder)", Required = true };
        var json = ModelsOptions.Json();
        var command = new Command("import", "Read an exported PyTorch model back into a model folder") { file, manifestOption, to, json };
        command.SetAction((parse, ct) => ModelsOptions.Run(() =>
        {
            var path = parse.GetValue(file)!;
            var manifestPath = parse.GetValue(manifestOption) ?? ModelsExportCommand.ManifestPathFor(path);
            if (!File.Exists(manifestPath))
            {
                throw new UserInputException($"No manifest '{manifestPath}' for '{path}' (export writes it beside the file; or pass --manifest).");
            }

            var manifest = ManifestJson.Deserialize(File.ReadAllText(manifestPath), manifestPath);
            var weights = PyTorchStateDict.Load(ManifestLayout.Spec(manifest.Architecture), path);
            var hash = weights.ContentHash();
            if (hash != manifest.Id)
            {
                throw new ModelStoreException($"The model file does not match its manifest: '{path}' hashes to {hash}, the manifest '{manifestPath}' says {manifest.Id}.");
            }

            var stored = ModelStore.Save(parse.GetValue(to)!, manifest, weights);
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(new JsonObject { ["model"] = stored.Id, ["manifest"] = stored.ManifestPath }.ToJsonString());
            }
            else
            {
                Terminal.Out.WriteLine($"{stored.Id[..12]} imported: {stored.ManifestPath}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
