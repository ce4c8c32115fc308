using FedHealth.Models.Figures;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Figures;

public sealed class ModelFiguresTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public void The_learning_curve_and_the_roc_curve_are_png_images()
    {
        var manifest = SampleModel.Manifest(SampleModel.Weights());

        Assert.Equal(PngSignature, ModelFigures.LearningCurve(manifest)![..4]);
        Assert.Equal(PngSignature, ModelFigures.Roc(manifest)![..4]);
    }

    [Fact]
    public void A_model_without_an_evaluation_histogram_has_no_roc_figure()
    {
        var manifest = SampleModel.Manifest(SampleModel.Weights()) with { Histogram = null };

        Assert.Null(ModelFigures.Roc(manifest));
    }
}
