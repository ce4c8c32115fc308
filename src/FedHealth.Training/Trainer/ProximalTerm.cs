using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.Trainer;

/// <summary>
/// FedProx's proximal term μ/2·‖w − w_global‖² (Li et al. 2020), applied as its gradient
/// μ·(w − w_global), added to every parameter's gradient just before the optimizer steps.
/// </summary>
/// <remarks>
/// Adding the gradient rather than the term to the loss keeps the reported training loss the data
/// loss, as it is without FedProx. The anchors are copies of the starting (global) weights taken in
/// the caller's dispose scope, so they live exactly as long as the fit.
/// </remarks>
internal sealed class ProximalTerm
{
    private readonly double _mu;
    private readonly List<(Parameter Parameter, Tensor Anchor)> _anchors;

    private ProximalTerm(double mu, List<(Parameter Parameter, Tensor Anchor)> anchors)
    {
        _mu = mu;
        _anchors = anchors;
    }

    /// <summary>
    /// The term anchored at the module's current weights, or null when μ = 0: then training runs
    /// exactly the code it ran before FedProx existed, bit for bit.
    /// </summary>
    public static ProximalTerm? AnchoredAt(nn.Module module, double mu)
    {
        if (mu == 0)
        {
            return null;
        }

        using (no_grad())
        {
            return new ProximalTerm(mu, module.parameters().Select(p => (p, p.detach().clone())).ToList());
        }
    }

    /// <summary>grad ← grad + μ·(w − w_global) for every parameter.</summary>
    public void AddGradient()
    {
        using (no_grad())
        {
            foreach (var (parameter, anchor) in _anchors)
            {
                var grad = parameter.grad
                    ?? throw new InvalidOperationException("A parameter has no gradient to add the proximal term to.");
                grad.add_(parameter - anchor, _mu);
            }
        }
    }
}
