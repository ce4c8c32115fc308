using FedHealth.Core.Data;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.DpSgd;
using FedHealth.Training.Importance;
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
/// The one deliberate exception is DP-SGD (<see cref="FitConfig.RecordDp"/>): its Poisson samples
/// and noise come from the OS CSPRNG, never from the seed, because randomness that anyone holding
/// the seed can replay protects no one.
/// </remarks>
public sealed class LocalTrainer : ILocalTrainer, IPermutationImportance
{
    private readonly Func<IRandomSource> _privacyRandomness;
    private readonly TrainingShutdown _shutdown;

    /// <summary>A trainer whose DP-SGD randomness comes from the OS CSPRNG (<see cref="OsRandomSource"/>).</summary>
    public LocalTrainer()
        : this(static () => new OsRandomSource())
    {
    }

    /// <summary>A trainer whose DP-SGD randomness comes from <paramref name="privacyRandomness"/>.</summary>
    /// <param name="privacyRandomness">
    /// Called once per DP-SGD fit; that fit alone draws its Poisson samples and noise from the
    /// source, which the trainer disposes (if disposable) when the fit ends, so concurrent fits
    /// never share one. It must be a CSPRNG. Production keeps the OS default; a
    /// <see cref="SeededRandomSource"/> here makes DP fits reproducible, for tests only.
    /// </param>
    /// <param name="shutdown">Stops fits at a step boundary when the process stops; <see cref="TrainingShutdown.Process"/> by default.</param>
    public LocalTrainer(Func<IRandomSource> privacyRandomness, TrainingShutdown? shutdown = null)
    {
        ArgumentNullException.ThrowIfNull(privacyRandomness);
        _privacyRandomness = privacyRandomness;
        _shutdown = shutdown ?? TrainingShutdown.Process;
        TorchRuntime.EnsureInitialized();
    }

    /// <summary>The longest one fit may run (a site's own limit on local work); null for no limit.</summary>
    public TimeSpan? MaxFitTime { get; init; }

    public ModelWeights Initialize(ModelSpec model, long seed)
    {
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(model);
        using var generator = new Generator(unchecked((ulong)seed));
        module.ResetParameters(generator);
        return ModuleWeights.Read(module);
    }

    /// <remarks>
    /// With <see cref="FitConfig.RecordDp"/> set, <see cref="FitOutcome.Steps"/> is the number of
    /// DP-SGD steps to account (with <c>SubsampledGaussianRdp.Curve(q, σ, Steps)</c>), and
    /// <see cref="FitOutcome.TrainLoss"/> is NaN: the loss of the sampled rows carries no noise, so
    /// reporting it would leak what DP-SGD protects.
    /// </remarks>
    public FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        TrainerInputs.CheckRows(model, train, nameof(train), allowEmpty: false);
        TrainerInputs.CheckConfig(config, train.Rows);
        var steps = config.StepsFor(train.Rows);
        using var lease = _shutdown.Enter();
        var limit = new StepLimit(_shutdown.Stopping, MaxFitTime, steps);

        // The outer scope owns the data tensors; each step's scope frees the step's activations,
        // gradients' wrappers and loss as soon as the step is done.
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(model);
        ModuleWeights.Write(module, start);
        module.train();
        using var optimizer = OptimizerFactory.Create(config, module.parameters());
        var features = TensorFactory.Float32(train.Features, train.Rows, train.Columns);
        var labels = TensorFactory.LabelColumn(train.Labels);
        var proximal = ProximalTerm.AnchoredAt(module, config.ProximalMu);
        var trainLoss = config.RecordDp is { } dp
            ? FitPrivately(module, optimizer, features, labels, steps, dp, proximal, limit)
            : FitBatches(module, optimizer, features, labels, steps, config, proximal, limit);

        return new FitOutcome(ModuleWeights.Read(module), train.Rows, trainLoss, steps);
    }

    public EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test)
    {
        TrainerInputs.CheckRows(model, test, nameof(test), allowEmpty: true);
        if (test.Rows == 0)
        {
            return new EvaluationOutcome(0, double.NaN, double.NaN, double.NaN, ScoreHistogram.Empty());
        }

        float[] logits;
        using (_shutdown.Enter())
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

    public IReadOnlyList<double> LossIncreases(ModelSpec model, ModelWeights weights, TabularData test, PermutationSettings settings)
    {
        TrainerInputs.CheckRows(model, test, nameof(test), allowEmpty: true);
        using (no_grad())
        using (NewDisposeScope())
        {
            using var module = ModelFactory.Create(model);
            ModuleWeights.Write(module, weights);
            module.eval();
            float[] Logits(float[] features, int rows)
            {
                using var scope = NewDisposeScope();
                return TensorFactory.ToArray(module.forward(TensorFactory.Float32(features, rows, test.Columns)));
            }

            return PermutationImportance.LossIncreases(test, Logits, settings);
        }
    }

    /// <summary>Mini-batch training; returns the mean of the steps' batch losses.</summary>
    private static double FitBatches(
        BinaryClassifierModule module, optim.Optimizer optimizer, Tensor features, Tensor labels, int steps, FitConfig config, ProximalTerm? proximal,
        StepLimit limit)
    {
        var sampler = new BatchSampler(checked((int)features.shape[0]), config.BatchSize, Seeds.Derive(config.Seed, "shuffle"));
        double lossSum = 0;
        for (var step = 0; step < steps; step++)
        {
            limit.BeforeStep(step);
            using var stepScope = NewDisposeScope();
            var index = TensorFactory.Int64(sampler.Next());
            optimizer.zero_grad();
            var logits = module.forward(features.index_select(0, index));
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, labels.index_select(0, index));
            loss.backward();
            proximal?.AddGradient();
            optimizer.step();
            lossSum += loss.item<float>();
        }

        return lossSum / steps;
    }

    /// <summary>DP-SGD; returns NaN for the loss, which it must not report.</summary>
    private double FitPrivately(
        BinaryClassifierModule module, optim.Optimizer optimizer, Tensor features, Tensor labels, int steps, DpSgdConfig dp, ProximalTerm? proximal,
        StepLimit limit)
    {
        var random = _privacyRandomness() ?? throw new InvalidOperationException("The privacy randomness factory returned null.");
        try
        {
            var loop = new DpSgdLoop(module, optimizer, dp, random, proximal);
            for (var step = 0; step < steps; step++)
            {
                limit.BeforeStep(step);
                loop.Step(features, labels);
            }
        }
        finally
        {
            (random as IDisposable)?.Dispose();
        }

        return double.NaN;
    }
}
