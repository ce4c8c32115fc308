using FedHealth.Core.Metrics;
using FedHealth.Models.Figures;

namespace FedHealth.Models.Tests.Figures;

public sealed class EvaluationFiguresTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static readonly ReliabilityPoint[] Points = [new(0, 0.1, 0.06, 0.05, 30), new(0.9, 1, 0.94, 0.9, 20)];

    private static readonly SiteBar[] Sites = [new("a", 0.8, 40), new("b", 0.7, 25)];

    [Fact]
    public void The_reliability_diagram_and_the_site_bars_are_png_images()
    {
        Assert.Equal(PngSignature, EvaluationFigures.Reliability(Points, 0.03)![..4]);
        Assert.Equal(PngSignature, EvaluationFigures.SiteAccuracy(Sites)![..4]);
    }

    [Fact]
    public void Without_points_or_sites_there_is_no_figure()
    {
        Assert.Null(EvaluationFigures.Reliability([], double.NaN));
        Assert.Null(EvaluationFigures.SiteAccuracy([new SiteBar("a", double.NaN, 12)]));
    }

    [Fact]
    public void Write_puts_both_figures_into_the_run_folder()
    {
        var folder = Directory.CreateTempSubdirectory("fedhealth-figures-").FullName;
        try
        {
            var files = EvaluationFigures.Write(folder, Points, 0.03, Sites);

            Assert.Equal([EvaluationFigures.CalibrationFile, EvaluationFigures.FairnessSitesFile], files.Select(Path.GetFileName));
            Assert.All(files, f => Assert.Equal(PngSignature, File.ReadAllBytes(f)[..4]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
