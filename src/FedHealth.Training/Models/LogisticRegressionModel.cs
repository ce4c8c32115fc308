using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace FedHealth.Training.Models;

/// <summary>One linear layer to a logit; the sigmoid is applied at inference (training uses BCE with logits).</summary>
internal sealed class LogisticRegressionModel : BinaryClassifierModule
{
    // The component name fixes the tensor names "linear.weight" and "linear.bias", which are part
    // of the weights contract every site must share.
    [ComponentName(Name = "linear")]
    private readonly Linear _linear;

    public LogisticRegressionModel(int inputFeatures)
        : base(nameof(LogisticRegressionModel))
    {
        _linear = nn.Linear(inputFeatures, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _linear.forward(input);

    public override void ResetParameters(Generator generator) => LinearInit.Reset(_linear, generator);

    public override IReadOnlyList<nn.Module<Tensor, Tensor>> Stages() => [_linear];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _linear.Dispose();
        }

        base.Dispose(disposing);
    }
}
