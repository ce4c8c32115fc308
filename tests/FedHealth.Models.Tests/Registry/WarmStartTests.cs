using FedHealth.Core.Training;
using FedHealth.Models.Registry;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Registry;

public sealed class WarmStartTests
{
    private static readonly string[] Inputs = ["age", "bp", "smoker=no", "smoker=yes"];

    [Fact]
    public void A_model_that_fits_the_study_gives_its_weights()
    {
        var model = SampleModel.Saved();

        var weights = WarmStart.Weights(model, ModelSpec.LogisticRegression(4), Inputs, "--init");

        Assert.Equal(model.Id, weights.ContentHash());
    }

    [Fact]
    public void A_model_of_another_architecture_is_refused_naming_both()
    {
        var model = SampleModel.Saved();

        var error = Assert.Throws<ModelStoreException>(() => WarmStart.Weights(model, ModelSpec.Mlp(4, 8), Inputs, "--init"));

        Assert.Equal($"--init: model {model.Id[..12]} is a logistic regression, but this study trains an MLP with hidden layers 8 (match --model and --hidden, or start fresh).", error.Message);
    }

    [Fact]
    public void A_model_trained_on_other_inputs_is_refused_naming_the_first_difference()
    {
        var model = SampleModel.Saved();

        var error = Assert.Throws<ModelStoreException>(() => WarmStart.Weights(model, ModelSpec.LogisticRegression(4), ["age", "sbp", "smoker=no", "smoker=yes"], "Coordinator:InitialModel"));

        Assert.Contains("differ at input 2 ('bp' in the model, 'sbp' in the study)", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Coordinator:InitialModel:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_weights_were_tampered_with_is_refused()
    {
        var model = SampleModel.Saved();
        var path = Path.Combine(Path.GetDirectoryName(model.ManifestPath)!, model.Manifest.WeightsFile);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelStoreException>(() => WarmStart.Weights(model, ModelSpec.LogisticRegression(4), Inputs, "--init"));

        Assert.Contains("does not match its manifest", error.Message, StringComparison.Ordinal);
    }
}
