using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>
/// The arithmetic trainer (each fit adds 1), except that a fit starting from <c>blockAt</c> waits
/// until the gate opens: a coordinator stopped meanwhile is one that crashed in that round's training.
/// </summary>
internal sealed class GatedTrainer(float blockAt) : ILocalTrainer, IDisposable
{
    private readonly ArithmeticTrainer _inner = new();
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly ManualResetEventSlim _reached = new(false);

    public ModelWeights Initialize(ModelSpec model, long seed) => _inner.Initialize(model, seed);

    public FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config)
    {
        if (start.Flat[0] == blockAt)
        {
            _reached.Set();
            _gate.Wait(TimeSpan.FromSeconds(30));
        }

        return _inner.Fit(model, start, train, config);
    }

    public EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test) => _inner.Evaluate(model, weights, test);

    /// <summary>Completes once some site is training from the gated model.</summary>
    public Task Reached => Task.Run(() => _reached.Wait(TimeSpan.FromSeconds(30)));

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
        _reached.Dispose();
    }
}
