using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;

namespace FedHealth.Training.Tests.Trainer;

public sealed class LocalTrainerTests
{
    private static readonly ModelSpec Logistic = ModelSpec.LogisticRegression(4);
    private readonly LocalTrainer _trainer = new();

    private static FitConfig Sgd(long seed = 7, int steps = 50, double lr = 0.1, int batch = 8) =>
        new(OptimizerKind.Sgd, lr, batch, steps, 0, seed);

    [Fact]
    public void Initialize_is_deterministic_for_a_seed()
    {
        Assert.Equal(_trainer.Initialize(Logistic, 3), _trainer.Initialize(Logistic, 3));
        Assert.NotEqual(_trainer.Initialize(Logistic, 3), _trainer.Initialize(Logistic, 4));
    }

    [Fact]
    public void Initialize_draws_within_the_default_linear_bound()
    {
        var weights = _trainer.Initialize(ModelSpec.LogisticRegression(16), 1);

        Assert.All(weights.Flat.ToArray(), w => Assert.InRange(w, -0.25f, 0.25f));
        Assert.True(weights.Flat.ToArray().Distinct().Count() > 10);
    }

    [Fact]
    public void Training_is_bit_identical_for_the_same_seed()
    {
        var data = SyntheticRows.Blobs(64, 4, seed: 1, margin: 0.5);
        var start = _trainer.Initialize(Logistic, 11);

        var first = _trainer.Fit(Logistic, start, data, Sgd(seed: 5));
        var second = _trainer.Fit(Logistic, start, data, Sgd(seed: 5));

        Assert.Equal(first.Weights.ContentHash(), second.Weights.ContentHash());
        Assert.Equal(first.TrainLoss, second.TrainLoss);
    }

    [Fact]
    public void Training_with_another_seed_visits_batches_in_another_order()
    {
        var data = SyntheticRows.Blobs(64, 4, seed: 1, margin: 0.5);
        var start = _trainer.Initialize(Logistic, 11);

        var first = _trainer.Fit(Logistic, start, data, Sgd(seed: 5));
        var second = _trainer.Fit(Logistic, start, data, Sgd(seed: 6));

        Assert.NotEqual(first.Weights, second.Weights);
    }

    [Fact]
    public void Fit_reports_rows_steps_and_changes_the_weights()
    {
        var data = SyntheticRows.Blobs(30, 4, seed: 2);
        var start = _trainer.Initialize(Logistic, 1);

        var outcome = _trainer.Fit(Logistic, start, data, new FitConfig(OptimizerKind.Sgd, 0.1, 8, 0, 3, 1));

        Assert.Equal(30, outcome.NumExamples);
        Assert.Equal(3 * 4, outcome.Steps);
        Assert.True(outcome.Weights.HasSameLayout(start));
        Assert.NotEqual(start, outcome.Weights);
        Assert.True(double.IsFinite(outcome.TrainLoss));
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.1)]
    [InlineData(OptimizerKind.Adam, 0.05)]
    public void Loss_decreases_on_separable_data(OptimizerKind optimizer, double learningRate)
    {
        var data = SyntheticRows.Blobs(200, 4, seed: 3);
        var weights = _trainer.Initialize(Logistic, 2);
        var before = _trainer.Evaluate(Logistic, weights, data);

        var fitted = _trainer.Fit(Logistic, weights, data, new FitConfig(optimizer, learningRate, 16, 100, 0, 9));
        var after = _trainer.Evaluate(Logistic, fitted.Weights, data);

        Assert.True(after.Loss < before.Loss / 4, $"loss {before.Loss} -> {after.Loss}");
        Assert.True(after.Accuracy > 0.97, $"accuracy {after.Accuracy}");
        Assert.True(after.Auc > 0.99, $"AUC {after.Auc}");
    }

    [Fact]
    public void Mean_training_loss_falls_from_round_to_round()
    {
        var data = SyntheticRows.Blobs(200, 4, seed: 4, margin: 1.0);
        var weights = _trainer.Initialize(Logistic, 2);
        var losses = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            var fitted = _trainer.Fit(Logistic, weights, data, Sgd(seed: round, steps: 25, lr: 0.05));
            losses.Add(fitted.TrainLoss);
            weights = fitted.Weights;
        }

        Assert.True(losses[^1] < losses[0], string.Join(", ", losses));
    }

    [Fact]
    public void Mlp_learns_a_problem_a_linear_model_cannot()
    {
        var data = Xor(400, seed: 5);
        var mlp = ModelSpec.Mlp(2, 16, 8);
        var config = new FitConfig(OptimizerKind.Adam, 0.02, 16, 600, 0, 1);

        var mlpAccuracy = _trainer.Evaluate(mlp, _trainer.Fit(mlp, _trainer.Initialize(mlp, 1), data, config).Weights, data).Accuracy;
        var linear = ModelSpec.LogisticRegression(2);
        var linearAccuracy = _trainer.Evaluate(linear, _trainer.Fit(linear, _trainer.Initialize(linear, 1), data, config).Weights, data).Accuracy;

        Assert.True(mlpAccuracy > 0.9, $"MLP accuracy {mlpAccuracy}");
        Assert.True(linearAccuracy < 0.75, $"linear accuracy {linearAccuracy}");
    }

    [Fact]
    public void Evaluate_reports_exact_metrics_and_a_histogram_of_every_row()
    {
        var data = SyntheticRows.Blobs(100, 4, seed: 6);
        var weights = _trainer.Fit(Logistic, _trainer.Initialize(Logistic, 1), data, Sgd()).Weights;

        var outcome = _trainer.Evaluate(Logistic, weights, data);

        Assert.Equal(100, outcome.NumExamples);
        Assert.Equal(50, outcome.Histogram.Positives.Sum());
        Assert.Equal(50, outcome.Histogram.Negatives.Sum());
        Assert.Equal(outcome.Accuracy, outcome.Histogram.AccuracyAtHalf(), 2);
        Assert.InRange(outcome.Auc, 0.95, 1.0);
    }

    [Fact]
    public void Auc_is_undefined_when_the_test_rows_have_one_class()
    {
        var data = SyntheticRows.Blobs(20, 4, seed: 7);
        var positives = data.Select(Enumerable.Range(0, 20).Where(r => data.Labels[r] == 1).ToList());

        var outcome = _trainer.Evaluate(Logistic, _trainer.Initialize(Logistic, 1), positives);

        Assert.True(double.IsNaN(outcome.Auc));
        Assert.True(double.IsFinite(outcome.Loss));
    }

    [Fact]
    public void Evaluating_no_rows_gives_no_numbers()
    {
        var outcome = _trainer.Evaluate(Logistic, _trainer.Initialize(Logistic, 1), TabularData.Empty(["a", "b", "c", "d"]));

        Assert.Equal(0, outcome.NumExamples);
        Assert.True(double.IsNaN(outcome.Loss) && double.IsNaN(outcome.Accuracy) && double.IsNaN(outcome.Auc));
    }

    [Fact]
    public void Concurrent_sites_get_the_same_weights_as_sequential_ones()
    {
        var sites = Enumerable.Range(0, 4).Select(s => SyntheticRows.Blobs(80, 4, seed: 20 + s, margin: 0.7)).ToArray();
        var start = _trainer.Initialize(Logistic, 1);
        var sequential = sites.Select((d, s) => _trainer.Fit(Logistic, start, d, Sgd(seed: s)).Weights.ContentHash()).ToArray();

        var concurrent = new string[sites.Length];
        var threads = sites.Select((d, s) => new Thread(() =>
        {
            for (var repeat = 0; repeat < 5; repeat++)
            {
                concurrent[s] = _trainer.Fit(Logistic, start, d, Sgd(seed: s)).Weights.ContentHash();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(sequential, concurrent);
    }

    [Fact]
    public void Rows_with_missing_values_are_refused()
    {
        var data = new TabularData(["a", "b", "c", "d"], [1, 2, float.NaN, 4, 1, 2, 3, 4], [0, 1]);

        var error = Assert.Throws<ArgumentException>(() => _trainer.Fit(Logistic, _trainer.Initialize(Logistic, 1), data, Sgd()));

        Assert.Contains("preprocess", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_of_the_wrong_width_are_refused()
    {
        var data = SyntheticRows.Blobs(10, 3, seed: 1);

        Assert.Throws<ArgumentException>(() => _trainer.Fit(Logistic, _trainer.Initialize(Logistic, 1), data, Sgd()));
    }

    private static TabularData Xor(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * 2];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = (random.NextDouble() * 2) - 1;
            var y = (random.NextDouble() * 2) - 1;
            values[2 * r] = (float)x;
            values[(2 * r) + 1] = (float)y;
            labels[r] = x * y > 0 ? 1 : 0;
        }

        return new TabularData(["x", "y"], values, labels);
    }
}
