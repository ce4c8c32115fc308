using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using Xunit.Abstractions;

namespace FedHealth.Training.Tests.DpSgd;

public sealed class DpSgdFitTests(ITestOutputHelper output)
{
    private static readonly ModelSpec Logistic = ModelSpec.LogisticRegression(4);
    private static readonly ModelSpec Mlp = ModelSpec.Mlp(4, 8, 5);

    private static FitConfig Config(DpSgdConfig dp, int steps = 20, OptimizerKind optimizer = OptimizerKind.Sgd, double lr = 0.1) =>
        new(optimizer, lr, 8, steps, 0, 7, dp);

    private static LocalTrainer Seeded(long seed) => new(() => SeededRandomSource.ForTest(seed));

    public static TheoryData<string, OptimizerKind> ModelsAndOptimizers => new()
    {
        { "logistic", OptimizerKind.Sgd },
        { "logistic", OptimizerKind.Adam },
        { "mlp", OptimizerKind.Sgd },
        { "mlp", OptimizerKind.Adam },
    };

    [Theory]
    [MemberData(nameof(ModelsAndOptimizers))]
    public void Without_noise_or_clipping_and_with_every_row_sampled_dp_sgd_is_full_batch_training(string model, OptimizerKind optimizer)
    {
        var spec = model == "mlp" ? Mlp : Logistic;
        var data = SyntheticRows.Blobs(40, 4, seed: 1, margin: 0.5);
        var trainer = Seeded(1);
        var start = trainer.Initialize(spec, 3);
        var plain = new FitConfig(optimizer, 0.05, data.Rows, 5, 0, 1);

        var dp = trainer.Fit(spec, start, data, plain with { RecordDp = new DpSgdConfig(0, 1e6, 1.0) });
        var reference = trainer.Fit(spec, start, data, plain);

        Assert.NotEqual(start, dp.Weights);
        AssertClose(reference.Weights, dp.Weights, 1e-5);
    }

    [Fact]
    public void The_noisy_sum_is_divided_by_the_expected_batch_size_not_the_realised_one()
    {
        // Zero features: the weights' data gradient is exactly 0 and the bias's is Σ (σ(b) − yᵢ).
        const int rows = 40;
        const double rate = 0.25;
        var data = new TabularData(["a", "b", "c", "d"], new float[rows * 4], Enumerable.Range(0, rows).Select(r => r % 3 == 0 ? 1 : 0).ToArray());
        var zero = Zero(Logistic);
        using var replay = SeededRandomSource.ForTest(4);
        var sampled = PoissonSubsampler.Sample(replay, rows, rate);
        Assert.NotEqual(rate * rows, sampled.Length);

        var fitted = Seeded(4).Fit(Logistic, zero, data, Config(new DpSgdConfig(0, 1e6, rate), steps: 1, lr: 1.0));

        // One SGD step with lr 1 from b = 0 moves b by −Σᵢ∈S (½ − yᵢ) / (q·n).
        var expected = -sampled.Sum(i => 0.5 - data.Labels[i]) / (rate * rows);
        Assert.Equal(expected, fitted.Weights.Tensor("linear.bias")[0], 1e-6);
        Assert.All(fitted.Weights.Tensor("linear.weight").ToArray(), w => Assert.Equal(0f, w));
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.25)]
    [InlineData(2.0, 0.5, 0.1)]
    public void The_noise_on_a_zero_data_gradient_has_standard_deviation_sigma_C_over_the_expected_batch_size(
        double sigma, double clip, double rate)
    {
        const int features = 5000;
        const int rows = 40;
        var spec = ModelSpec.LogisticRegression(features);
        var data = new TabularData(Enumerable.Range(0, features).Select(c => $"x{c}"), new float[rows * features], new int[rows]);

        var fitted = Seeded(5).Fit(spec, Zero(spec), data, Config(new DpSgdConfig(sigma, clip, rate), steps: 1, lr: 1.0));

        // With lr 1 the weights are minus the noise, one draw per coordinate.
        var noise = fitted.Weights.Tensor("linear.weight").ToArray().Select(w => (double)w).ToArray();
        var mean = noise.Average();
        var deviation = Math.Sqrt(noise.Sum(v => (v - mean) * (v - mean)) / (noise.Length - 1));
        var expected = sigma * clip / (rate * rows);
        output.WriteLine($"standard deviation {deviation:G5}, expected {expected:G5}, mean {mean:G3}");
        Assert.InRange(deviation, expected * 0.95, expected * 1.05);
        Assert.InRange(mean, -4 * expected / Math.Sqrt(features), 4 * expected / Math.Sqrt(features));
    }

    [Fact]
    public void An_empty_poisson_sample_still_takes_a_noise_only_step()
    {
        var data = SyntheticRows.Blobs(10, 4, seed: 2);
        var start = Zero(Logistic);
        var trainer = Seeded(6);

        // q = 1e-12: the sample is empty at every step, with overwhelming probability.
        var silent = trainer.Fit(Logistic, start, data, Config(new DpSgdConfig(0, 1.0, 1e-12), steps: 3));
        var noisy = trainer.Fit(Logistic, start, data, Config(new DpSgdConfig(1.0, 1.0, 1e-12), steps: 3));

        Assert.Equal(start, silent.Weights);
        Assert.Equal(3, noisy.Steps);
        Assert.All(noisy.Weights.Flat.ToArray(), w => Assert.NotEqual(0f, w));
    }

    [Fact]
    public void Poisson_sampling_draws_from_the_injected_random_source()
    {
        // σ = 0: the weights depend on the randomness only through which rows are sampled.
        var data = SyntheticRows.Blobs(60, 4, seed: 3, margin: 0.5);
        var start = Seeded(0).Initialize(Mlp, 1);
        var config = Config(new DpSgdConfig(0, 0.5, 0.2));

        var first = Seeded(10).Fit(Mlp, start, data, config).Weights;
        var again = Seeded(10).Fit(Mlp, start, data, config).Weights;
        var other = Seeded(11).Fit(Mlp, start, data, config).Weights;

        Assert.Equal(first.ContentHash(), again.ContentHash());
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Noise_draws_from_the_injected_random_source_and_by_default_from_the_os()
    {
        var data = SyntheticRows.Blobs(60, 4, seed: 3, margin: 0.5);
        var start = Seeded(0).Initialize(Logistic, 1);
        var config = Config(new DpSgdConfig(1.0, 1.0, 1.0));

        Assert.Equal(Seeded(12).Fit(Logistic, start, data, config).Weights.ContentHash(), Seeded(12).Fit(Logistic, start, data, config).Weights.ContentHash());
        Assert.NotEqual(Seeded(12).Fit(Logistic, start, data, config).Weights, Seeded(13).Fit(Logistic, start, data, config).Weights);
        var os = new LocalTrainer();
        Assert.NotEqual(os.Fit(Logistic, start, data, config).Weights, os.Fit(Logistic, start, data, config).Weights);
    }

    [Fact]
    public void Each_fit_gets_its_own_source_and_the_trainer_disposes_it()
    {
        var created = new List<DisposalProbe>();
        var trainer = new LocalTrainer(() =>
        {
            var probe = new DisposalProbe(created.Count);
            created.Add(probe);
            return probe;
        });
        var data = SyntheticRows.Blobs(20, 4, seed: 4);
        var config = Config(new DpSgdConfig(1.0, 1.0, 0.5), steps: 2);

        trainer.Fit(Logistic, Zero(Logistic), data, config);
        trainer.Fit(Logistic, Zero(Logistic), data, config);
        trainer.Fit(Logistic, Zero(Logistic), data, config with { RecordDp = null });

        Assert.Equal(2, created.Count);
        Assert.All(created, p => Assert.True(p.Disposed));
    }

    [Fact]
    public void A_dp_fit_reports_its_steps_for_accounting_and_no_training_loss()
    {
        var data = SyntheticRows.Blobs(30, 4, seed: 2);

        var outcome = Seeded(1).Fit(Logistic, Zero(Logistic), data, new FitConfig(OptimizerKind.Sgd, 0.1, 8, 0, 3, 1, new DpSgdConfig(1.0, 1.0, 8.0 / 30)));

        Assert.Equal(3 * 4, outcome.Steps);
        Assert.Equal(30, outcome.NumExamples);
        Assert.True(double.IsNaN(outcome.TrainLoss));
    }

    [Theory]
    [InlineData(-0.1, 1.0, 0.5, "NoiseMultiplier")]
    [InlineData(double.NaN, 1.0, 0.5, "NoiseMultiplier")]
    [InlineData(double.PositiveInfinity, 1.0, 0.5, "NoiseMultiplier")]
    [InlineData(1.0, 0.0, 0.5, "ClipNorm")]
    [InlineData(1.0, -1.0, 0.5, "ClipNorm")]
    [InlineData(1.0, double.NaN, 0.5, "ClipNorm")]
    [InlineData(1.0, double.PositiveInfinity, 0.5, "ClipNorm")]
    [InlineData(1.0, 1.0, 0.0, "SamplingRate")]
    [InlineData(1.0, 1.0, -0.5, "SamplingRate")]
    [InlineData(1.0, 1.0, 1.5, "SamplingRate")]
    [InlineData(1.0, 1.0, double.NaN, "SamplingRate")]
    public void Invalid_dp_settings_are_refused_with_the_field_named(double sigma, double clip, double rate, string field)
    {
        var data = SyntheticRows.Blobs(10, 4, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => Seeded(1).Fit(Logistic, Zero(Logistic), data, Config(new DpSgdConfig(sigma, clip, rate))));

        Assert.Contains($"RecordDp.{field}", error.Message, StringComparison.Ordinal);
        Assert.Equal("config", error.ParamName);
    }

    [Fact]
    public void Dp_sgd_on_the_cleveland_center_of_fed_heart_disease_still_learns()
    {
        var flamby = new CsvOptions("target") { SiteColumn = "center", SplitColumn = "flamby_split", AllowSingleClassSites = true };
        var cleveland = SiteDatasets.FromCsv(RepositoryPaths.SharedData("heart-disease", "heart_disease_flamby.csv"), flamby).Sites[0];
        var spec = ModelSpec.LogisticRegression(cleveland.Train.Columns);
        var trainer = Seeded(2024);
        const int batch = 4;
        var dp = new DpSgdConfig(NoiseMultiplier: 1.0, ClipNorm: 1.0, SamplingRate: (double)batch / cleveland.Train.Rows);

        var fitted = trainer.Fit(spec, trainer.Initialize(spec, 42), cleveland.Train, new FitConfig(OptimizerKind.Sgd, 0.05, batch, 300, 0, 42, dp));
        var outcome = trainer.Evaluate(spec, fitted.Weights, cleveland.Test);
        output.WriteLine($"Cleveland DP-SGD test accuracy {outcome.Accuracy:F4}, AUC {outcome.Auc:F4} after {fitted.Steps} steps");

        Assert.True(outcome.Accuracy >= 0.65, $"accuracy {outcome.Accuracy}");
    }

    private static ModelWeights Zero(ModelSpec spec) => ModelWeights.Zeros(new LocalTrainer().Initialize(spec, 0).Specs);

    private static void AssertClose(ModelWeights expected, ModelWeights actual, double tolerance)
    {
        Assert.True(expected.HasSameLayout(actual));
        var e = expected.Flat.ToArray();
        var a = actual.Flat.ToArray();
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i], a[i], tolerance);
        }
    }

    private sealed class DisposalProbe(long seed) : IRandomSource, IDisposable
    {
        private readonly SeededRandomSource _inner = SeededRandomSource.ForTest(seed);

        public bool Disposed { get; private set; }

        public ulong NextUInt64() => _inner.NextUInt64();

        public void Fill(Span<byte> destination) => _inner.Fill(destination);

        public void Dispose()
        {
            _inner.Dispose();
            Disposed = true;
        }
    }
}
