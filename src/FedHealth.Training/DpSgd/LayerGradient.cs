using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.DpSgd;

/// <summary>A gradient for one linear layer, shaped like its weight and bias.</summary>
internal sealed record LayerGradient(Linear Layer, Tensor Weight, Tensor Bias);
