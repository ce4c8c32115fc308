using FedHealth.Cli.Console;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Models;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;

namespace FedHealth.Cli.Commands.Models;

/// <summary>The stored model a study starts from instead of fresh weights (<c>sim --init ID</c>, <c>Coordinator:InitialModel</c>), or why it cannot.</summary>
internal static class InitialModel
{
    /// <summary>The model with this id (or prefix) under <paramref name="from"/> (default <c>runs/</c>).</summary>
    public static StoredModel Find(string id, string? from)
    {
        try
        {
            return ModelRegistry.Open(from).Find(id);
        }
        catch (ModelStoreException e)
        {
            throw new UserInputException("--init: " + e.Message, e);
        }
    }

    /// <summary>The model whose manifest is at <paramref name="manifestPath"/> (its weights beside it).</summary>
    public static StoredModel At(string manifestPath, string what)
    {
        if (!File.Exists(manifestPath))
        {
            throw new UserInputException($"{what}: no model manifest '{manifestPath}'.");
        }

        try
        {
            return new StoredModel(ManifestJson.Deserialize(File.ReadAllText(manifestPath), manifestPath), manifestPath);
        }
        catch (ModelStoreException e)
        {
            throw new UserInputException($"{what}: {e.Message}", e);
        }
    }

    /// <summary>Its weights, once they fit the study's model and inputs and match the manifest.</summary>
    public static ModelWeights Weights(StoredModel model, ModelSpec study, IReadOnlyList<string> inputs, string what)
    {
        try
        {
            return WarmStart.Weights(model, study, inputs, what);
        }
        catch (ModelStoreException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }
}
