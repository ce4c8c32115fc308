using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Simulation.Processes;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>Fed-Heart-Disease as a federation of processes: one node per FLamby center, the real fedhealth.dll.</summary>
internal static class FederationFixtures
{
    public const string Label = "target";
    public const string SiteColumn = "center";
    public const string SplitColumn = "flamby_split";

    private static readonly Lazy<FederationSchema> Schema = new(() =>
        FederationSchema.From(SiteDatasets.FromCsv(HeartCsv, new CsvOptions(Label) { SiteColumn = SiteColumn, SplitColumn = SplitColumn }), Label));

    public static string HeartCsv => Paths.SharedData("heart-disease", "heart_disease_flamby.csv");

    public static FederationSchema HeartSchema => Schema.Value;

    public static FedHealthExecutable FedHealth => FedHealthExecutable.Dotnet(Path.Combine(AppContext.BaseDirectory, "fedhealth.dll"));

    public static FederationSite HeartSite(string id, string center, SiteCertificate certificate = SiteCertificate.Valid) =>
        new(id, new CsvSiteData(HeartCsv) { SiteColumn = SiteColumn, SiteValue = center, SplitColumn = SplitColumn }) { Certificate = certificate };

    /// <summary>Centers 0, 1 and 2 (Cleveland, Hungary, Switzerland), site id = center.</summary>
    public static IReadOnlyList<FederationSite> ThreeCenters() => [HeartSite("0", "0"), HeartSite("1", "1"), HeartSite("2", "2")];

    /// <summary>The Study section: logistic regression, secure aggregation on, DP off unless the caller adds it.</summary>
    public static JsonObject Study(int rounds, int localSteps = 100) => new()
    {
        ["Id"] = "heart-processes",
        ["Rounds"] = rounds,
        ["Model"] = "logreg",
        ["Hidden"] = new JsonArray(),
        ["Optimizer"] = "sgd",
        ["LearningRate"] = 0.01,
        ["BatchSize"] = 8,
        ["LocalSteps"] = localSteps,
        ["MinFitSites"] = 2,
        ["FitTimeoutSeconds"] = 120,
        ["StageTimeoutSeconds"] = 30,
        ["SecureAggregation"] = true,
        ["Normalize"] = "federated",
        ["Dp"] = "off",
        ["Seed"] = 42,
    };

    public static FederationSpec Spec(IReadOnlyList<FederationSite> sites, JsonObject study) =>
        new(FedHealth, FedHealthProcess.TempFolder(), sites, study, HeartSchema)
        {
            Options = new FederationOptions
            {
                Timeout = TimeSpan.FromMinutes(5),
                RegistrationTimeout = TimeSpan.FromSeconds(90),
            },
        };

    /// <summary>The coordinator's last lines, for assertion messages.</summary>
    public static string Tail(string logPath, int lines = 60) =>
        File.Exists(logPath) ? $"{logPath}:\n" + string.Join('\n', File.ReadLines(logPath).TakeLast(lines)) : $"{logPath} does not exist";
}
