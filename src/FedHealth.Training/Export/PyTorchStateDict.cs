using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Models;
using TorchSharp.PyBridge;

namespace FedHealth.Training.Export;

/// <summary>
/// A model's weights as a PyTorch <c>state_dict</c> file (what <c>torch.save(model.state_dict())</c>
/// writes), through TorchSharp.PyBridge. Tensor names are the module's parameter names
/// (<c>linear.weight</c>, <c>layers.hidden0.weight</c>, ...), so the file loads into the same
/// architecture built in PyTorch (docs/models.md).
/// </summary>
public static class PyTorchStateDict
{
    public static void Save(ModelSpec spec, ModelWeights weights, string path)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var module = ModelFactory.Create(spec);
        ModuleWeights.Write(module, weights);
        module.save_py(path);
    }

    /// <summary>Reads a state_dict saved for <paramref name="spec"/>'s architecture; every tensor must be there with its shape.</summary>
    /// <exception cref="InvalidDataException">The file is not a state_dict of this architecture.</exception>
    public static ModelWeights Load(ModelSpec spec, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such model file '{path}'.", path);
        }

        using var module = ModelFactory.Create(spec);
        try
        {
            module.load_py(path, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotImplementedException or IOException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"'{path}' is not a PyTorch state_dict of a {spec.Kind} with {spec.InputFeatures} inputs: {e.Message}", e);
        }

        return ModuleWeights.Read(module);
    }
}
