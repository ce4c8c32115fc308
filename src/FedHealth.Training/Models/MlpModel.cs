using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace FedHealth.Training.Models;

/// <summary>Fully connected ReLU layers, then one logit.</summary>
internal sealed class MlpModel : BinaryClassifierModule
{
    // Tensor names are "layers.hidden{i}.weight/bias" and "layers.output.weight/bias": part of the
    // weights contract, like the logistic model's names.
    [ComponentName(Name = "layers")]
    private readonly Sequential _layers;

    public MlpModel(int inputFeatures, IReadOnlyList<int> hiddenLayers)
        : base(nameof(MlpModel))
    {
        var named = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputFeatures;
        for (var i = 0; i < hiddenLayers.Count; i++)
        {
            var hidden = nn.Linear(width, hiddenLayers[i]);
            named.Add(($"hidden{i}", hidden));
            named.Add(($"relu{i}", nn.ReLU()));
            width = hiddenLayers[i];
        }

        var output = nn.Linear(width, 1);
        named.Add(("output", output));
        _layers = nn.Sequential(named);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);

    public override void ResetParameters(Generator generator)
    {
        foreach (var layer in _layers.children().OfType<Linear>())
        {
            LinearInit.Reset(layer, generator);
        }
    }

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> Stages() =>
        _layers.children().Cast<nn.Module<Tensor, Tensor>>().ToList();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
