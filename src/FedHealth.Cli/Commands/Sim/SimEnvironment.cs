using System.Globalization;
using FedHealth.Coordinator.Composition;
using FedHealth.Training.Data;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>What a simulation knows that a coordinator does not: the sites' data, hence their sizes.</summary>
internal static class SimEnvironment
{
    public static StudyEnvironment For(SimSettings settings, PreparedDataset dataset, string folder) =>
        new(
            dataset.Sites.Count,
            dataset.Description.FeatureNames.Length,
            dataset.Pooling.Count > 0 ? dataset.Pooling[0].StatisticsLength : 0,
            folder,
            settings.RegistrationTimeout)
        {
            DefaultSamplingRate = () => DefaultSamplingRate(settings.Study.BatchSize, dataset),
            SimulatedDropout = settings.Dropout,
        };

    /// <summary>The expected batch equals the batch size at the median site.</summary>
    public static double DefaultSamplingRate(int batchSize, PreparedDataset dataset)
    {
        var rows = dataset.Description.Sites.Select(s => s.TrainRows).Order().ToList();
        var median = rows[rows.Count / 2];
        return Math.Min(1.0, Math.Round((double)batchSize / median, 4, MidpointRounding.AwayFromZero));
    }

    /// <summary>δ should be well below 1/n for the largest site, or one patient could be exposed outright.</summary>
    public static string? DeltaWarning(double delta, PreparedDataset dataset)
    {
        var largest = dataset.Description.Sites.Max(s => s.TrainRows);
        return delta >= 1.0 / largest
            ? $"δ = {Format(delta)} is not below 1/n = {Format(1.0 / largest)} for a site with {largest} training rows; choose a smaller --delta."
            : null;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
