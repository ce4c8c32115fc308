using FedHealth.Core.Training;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;

namespace FedHealth.Training.Tests.Trainer;

public sealed class TrainingShutdownTests
{
    private static readonly ModelSpec Logistic = ModelSpec.LogisticRegression(4);

    private static FitConfig Sgd(int steps) => new(OptimizerKind.Sgd, 0.1, 8, steps, 0, 7);

    [Fact]
    public void A_stop_ends_a_running_fit_at_a_step_boundary_and_waits_until_it_is_gone()
    {
        var shutdown = new TrainingShutdown();
        var trainer = new LocalTrainer(static () => new OsRandomSource(), shutdown);
        var data = SyntheticRows.Blobs(64, 4, seed: 1, margin: 0.5);
        var start = trainer.Initialize(Logistic, 11);
        var fit = Task.Run(() => trainer.Fit(Logistic, start, data, Sgd(int.MaxValue / 2)));
        SpinWait.SpinUntil(() => shutdown.Active == 1 || fit.IsCompleted);

        var stopped = shutdown.Stop(TimeSpan.FromMinutes(2));

        Assert.True(stopped);
        Assert.Equal(0, shutdown.Active);
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Throws<AggregateException>(() => fit.Wait()).InnerException);
    }

    [Fact]
    public void No_fit_starts_once_the_process_is_stopping()
    {
        var shutdown = new TrainingShutdown();
        var trainer = new LocalTrainer(static () => new OsRandomSource(), shutdown);
        var data = SyntheticRows.Blobs(16, 4, seed: 1);
        var start = trainer.Initialize(Logistic, 1);
        Assert.True(shutdown.Stop(TimeSpan.Zero));

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(Logistic, start, data, Sgd(5)));
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Evaluate(Logistic, start, data));
    }

    [Fact]
    public void A_fit_longer_than_the_sites_time_limit_stops_with_a_reason_naming_the_limit()
    {
        var trainer = new LocalTrainer(static () => new OsRandomSource(), new TrainingShutdown()) { MaxFitTime = TimeSpan.FromTicks(1) };
        var data = SyntheticRows.Blobs(64, 4, seed: 1);
        var start = trainer.Initialize(Logistic, 1);

        var error = Assert.Throws<TimeoutException>(() => trainer.Fit(Logistic, start, data, Sgd(int.MaxValue / 2)));

        Assert.Contains("Node:Training:MaxLocalTimeSeconds", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"stopped after \d+ of \d+ steps", error.Message);
    }
}
