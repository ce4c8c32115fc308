using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Strategies;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Sampling;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// What every way of running a study shares (in one process, as a coordinator service): the
/// strategy with its DP decorator, the privacy accountant and its ledger file, the announcement of
/// the protections on stderr, and the protections in the report's config.
/// </summary>
internal static class StudyComposition
{
    public const string LedgerFileName = "privacy-ledger.json";

    /// <summary>Never overwrite an earlier run's report or privacy ledger.</summary>
    public static void EnsureNewRunFolder(string folder, string key)
    {
        if (File.Exists(Path.Combine(folder, ReportFile.Name)) || File.Exists(Path.Combine(folder, LedgerFileName)))
        {
            throw new UserInputException($"{key}: '{folder}' already holds a run (report.json or {LedgerFileName}); choose a new folder.");
        }
    }

    public static (IStrategy Strategy, StudyPrivacyAccountant? Accountant) Compose(StudyOptions study, int localSteps, string folder)
    {
        IStrategy strategy = new FedAvg(new FedAvgOptions(study.Fit, study.FractionFit, study.MinFitSites));
        if (study.Privacy.Mode == DpMode.Off)
        {
            return (strategy, null);
        }

        strategy = new DifferentialPrivacyStrategy(strategy, study.Privacy, () => new OsRandomSource());
        Directory.CreateDirectory(folder);
        var distributed = study.SecureAggregation.Enabled && study.Privacy.SiteLevel
            ? new DistributedDpProjection(study.Model.ParameterCount, study.MinFitSites, study.SecureAggregation)
            : null;
        return (strategy, new StudyPrivacyAccountant(study.Study, study.Privacy, localSteps, Path.Combine(folder, LedgerFileName), distributed));
    }

    /// <summary>States the protections on stderr before the run.</summary>
    public static void Announce(StudyOptions study, double dropout = 0)
    {
        if (study.Privacy.Mode != DpMode.Off)
        {
            Terminal.Err.MarkupLine(Markup.Escape(Describe(study.Privacy, study.SecureAggregation.Enabled)));
        }

        if (study.SecureAggregation.Enabled)
        {
            Terminal.Err.MarkupLine(Markup.Escape($"secure aggregation (SecAgg+): the coordinator sees only the sum of the sites' updates{(dropout > 0 ? $"; simulated dropout {dropout}" : string.Empty)}"));
        }
    }

    public static void AddToReportConfig(JsonObject config, StudyOptions study)
    {
        ArgumentNullException.ThrowIfNull(config);
        AddPrivacy(config, study.Privacy);
        config["secure_aggregation"] = study.SecureAggregation.Enabled;
        config["normalize"] = study.FederatedStatistics is null ? "site" : "federated";
    }

    private static void AddPrivacy(JsonObject config, PrivacyOptions privacy)
    {
        config["record_noise_multiplier"] = privacy.RecordLevel ? privacy.RecordNoiseMultiplier : null;
        config["record_sampling_rate"] = privacy.RecordLevel ? privacy.RecordSamplingRate : null;
        config["site_noise_multiplier"] = privacy.SiteLevel ? privacy.SiteNoiseMultiplier : null;
        config["max_epsilon"] = privacy.MaxEpsilon;
    }

    private static string Describe(PrivacyOptions p, bool secureAggregation)
    {
        var parts = new List<string>();
        if (p.RecordLevel)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"record-level DP-SGD σ = {p.RecordNoiseMultiplier}, C = {p.RecordClip}, q = {p.RecordSamplingRate}"));
        }

        if (p.SiteLevel)
        {
            var kind = secureAggregation ? "distributed discrete Gaussian (each site adds its share before masking)" : "central Gaussian";
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"site-level {kind} σ = {p.SiteNoiseMultiplier}, C = {p.SiteClip}"));
        }

        var budget = p.MaxEpsilon is { } max ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"budget ε ≤ {max} at δ = {p.Delta}") : "no budget";
        return $"differential privacy: {string.Join("; ", parts)}; {budget}";
    }

}
