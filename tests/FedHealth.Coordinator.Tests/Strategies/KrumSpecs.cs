using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class KrumSpecs
{
    // One-dimensional so the distances can be checked by hand: 0, 1, 2, 3 and an outlier at 10.
    private static readonly ReadOnlyMemory<float>[] Points = [.. new[] { 0f, 1f, 2f, 3f, 10f }.Select(p => (ReadOnlyMemory<float>)new[] { p })];

    [Fact]
    public void A_score_sums_the_squared_distances_to_the_n_minus_f_minus_2_nearest_others()
    {
        // n = 5, f = 1: the 2 nearest. 0 → 1 + 4 = 5; 1 → 1 + 1 = 2; 2 → 1 + 1 = 2; 3 → 1 + 4 = 5; 10 → 49 + 64 = 113.
        var scores = Krum.Scores(Points, byzantine: 1);

        Assert.Equal([5.0, 2.0, 2.0, 5.0, 113.0], scores);
    }

    [Fact]
    public void Krum_returns_the_best_scored_model_and_ties_go_to_the_earlier_one()
    {
        Assert.Equal([1f], new Krum(1, multi: false).Combine(Points));
    }

    [Fact]
    public void Multi_krum_averages_the_n_minus_f_best_models()
    {
        // The four best are 0, 1, 2, 3 (scores 5, 2, 2, 5); the outlier is left out.
        Assert.Equal([1.5f], new Krum(1, multi: true).Combine(Points));
    }

    [Fact]
    public void Distances_are_over_every_coordinate()
    {
        ReadOnlyMemory<float>[] models = [new[] { 0f, 0f }, new[] { 3f, 4f }, new[] { 0f, 1f }];

        // n = 3, f = 0: the single nearest. The second is 5² from the first and 3² + 3² = 18 from the third.
        Assert.Equal([1.0, 18.0, 1.0], Krum.Scores(models, byzantine: 0));
    }

    [Fact]
    public void Fewer_than_2f_plus_3_models_are_refused_with_what_to_change()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Krum(1, multi: false).Combine(Points[..4]));

        Assert.Contains("2f + 3 = 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("--byzantine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_f_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Krum(-1, multi: true));
    }
}
