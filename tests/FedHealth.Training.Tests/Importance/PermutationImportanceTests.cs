using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Training.Importance;

namespace FedHealth.Training.Tests.Importance;

public sealed class PermutationImportanceTests
{
    // Two inputs: the logit is 4·x0 and ignores x1.
    private static readonly TabularData Rows = new(["x0", "x1"], [-1f, 5f, -0.5f, 3f, 0.5f, 1f, 1f, -2f, 2f, 0f, -2f, 7f], [0, 0, 1, 1, 1, 0]);

    private static float[] Logits(float[] features, int rows) => [.. Enumerable.Range(0, rows).Select(r => 4 * features[r * 2])];

    [Fact]
    public void An_input_the_model_ignores_has_no_importance_and_the_one_it_uses_has_some()
    {
        var increases = PermutationImportance.LossIncreases(Rows, Logits, new PermutationSettings(5, 3));

        Assert.True(increases[0] > 0.5, $"x0 increased the summed loss by {increases[0]}");
        Assert.Equal(0, increases[1]);
    }

    [Fact]
    public void The_increase_is_the_summed_loss_of_the_permuted_rows_minus_that_of_the_rows_as_they_are()
    {
        var settings = new PermutationSettings(1, 11);
        var order = PermutationImportance.Permutation(Rows.Rows, settings.Seed, 0, 0);
        var shuffled = Rows.Features.ToArray();
        for (var r = 0; r < Rows.Rows; r++)
        {
            shuffled[r * 2] = Rows.Features[order[r] * 2];
        }

        var expected = LossSum(Logits(shuffled, Rows.Rows)) - LossSum(Logits(Rows.Features, Rows.Rows));

        Assert.Equal(expected, PermutationImportance.LossIncreases(Rows, Logits, settings)[0], 1e-12);
    }

    [Fact]
    public void A_permutation_is_reproducible_from_its_seed_and_differs_between_repeats()
    {
        Assert.Equal(PermutationImportance.Permutation(50, 9, 1, 0), PermutationImportance.Permutation(50, 9, 1, 0));
        Assert.NotEqual(PermutationImportance.Permutation(50, 9, 1, 0), PermutationImportance.Permutation(50, 9, 1, 1));
        Assert.Equal(Enumerable.Range(0, 50), PermutationImportance.Permutation(50, 9, 1, 0).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PermutationSettings.MaxRepeats + 1)]
    public void Repeats_outside_the_bounds_are_refused(int repeats) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationImportance.LossIncreases(Rows, Logits, new PermutationSettings(repeats, 1)));

    private static double LossSum(float[] logits) =>
        logits.Select((z, i) => Math.Max(z, 0) - (z * Rows.Labels[i]) + Math.Log(1 + Math.Exp(-Math.Abs(z)))).Sum();
}
