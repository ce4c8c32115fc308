using FedHealth.Core.Data;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Models;
using FedHealth.Training.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace FedHealth.Training.Trainer;

/// <summary>
/// Local training and evaluation with TorchSharp behind <see cref="ILocalTrainer"/>.
/// </summary>
/// <remarks>
/// Thread-safe: every call builds its own module and optimizer and disposes them before returning,
/// and tensors live in dispose scopes, which are per thread. Deterministic: initialisation draws
/// from a private generator seeded by the caller and batches come from a seeded shuffle, so the
/// same inputs and seed give bit-identical weights (with a fixed libtorch thread count).
/// </remarks>
public sealed class LocalTrainer : ILocalTrainer
{
    public LocalTrainer()
    {
        TorchRuntime.EnsureInitialized();
    }

    public ModelWeights Initialize(ModelSpec model, long seed)
    {
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(model);
        using var generator = new Generator(unchecked((ulong)seed));
        module.ResetParameters(generator);
        return ModuleWeights.Read(module);
    }

    public FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        TrainerInputs.CheckRows(model, train, nameof(train), allowEmpty: false);
        TrainerInputs.CheckConfig(config, train.Rows);
        var steps = config.StepsFor(train.Rows);

        // The outer scope owns the data tensors; each step's scope frees the step's activations,
        // gradients' wrappers and loss as soon as the step is done.
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(model);
        ModuleWeights.Write(module, start);
        module.train();
        using var optimizer = OptimizerFactory.Create(config, module.parameters());
        var features = TensorFactory.Float32(train.Features, train.Rows, train.Columns);
        var labels = TensorFactory.LabelColumn(train.Labels);
        var sampler = new BatchSampler(train.Rows, config.BatchSize, Seeds.Derive(config.Seed, "shuffle"));

        double lossSum = 0;
        for (var step = 0; step < steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var index = TensorFactory.Int64(sampler.Next());
            optimizer.zero_grad();
            var logits = module.forward(features.index_select(0, index));
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels.index_select(0, index));
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>();
        }

        return new FitOutcome(ModuleWeights.Read(module), train.Rows, lossSum / steps, steps);
    }

    public EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test)
    {
        TrainerInputs.CheckRows(model, test, nameof(test), allowEmpty: true);
        if (test.Rows == 0)
        {
            return new EvaluationOutcome(0, double.NaN, double.NaN, double.NaN, ScoreHistogram.Empty());
        }

        float[] logits;
        using (no_grad())
        using (NewDisposeScope())
        {
            using var module = ModelFactory.Create(model);
            ModuleWeights.Write(module, weights);
            module.eval();
            var features = TensorFactory.Float32(test.Features, test.Rows, test.Columns);
            logits = TensorFactory.ToArray(module.forward(features));
        }

        return Scoring.Outcome(logits, test.Labels);
    }
}
