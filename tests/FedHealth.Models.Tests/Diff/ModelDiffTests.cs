using FedHealth.Models.Diff;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Diff;

public sealed class ModelDiffTests
{
    [Fact]
    public void The_diff_names_the_changed_config_privacy_and_metrics_and_nothing_else()
    {
        var left = SampleModel.Manifest(SampleModel.Weights());
        var right = left with
        {
            Training = new System.Text.Json.Nodes.JsonObject { ["lr"] = 0.05, ["rounds"] = 3 },
            Privacy = left.Privacy with { EpsilonRecord = 3 },
            Evaluation = new System.Text.Json.Nodes.JsonObject { ["pooled_accuracy"] = 0.8, ["pooled_auc"] = 0.9 },
        };

        var differences = ModelDiff.Compare(left, right);

        Assert.Equal(["training.lr", "privacy.epsilon_record", "evaluation.pooled_auc"], differences.Select(d => d.Field));
        Assert.Equal(("0.01", "0.05"), (differences[0].Left, differences[0].Right));
    }

    [Fact]
    public void The_weight_distance_is_euclidean_and_null_across_layouts()
    {
        var distance = ModelDiff.WeightDistance(SampleModel.Weights(), SampleModel.Weights(shift: 0.5f));

        Assert.Equal(0.5, distance!.Value, 1e-6);
        Assert.Null(ModelDiff.WeightDistance(SampleModel.Weights(), Core.Weights.ModelWeights.Zeros([new Core.Weights.TensorSpec("w", [2])])));
    }
}
