using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Ledger;

namespace FedHealth.Privacy.Tests.Ledger;

public sealed class PrivacyLedgerTests : IDisposable
{
    private static readonly StudyId Study = new("heart-disease-2025");
    private static readonly SiteId Cleveland = new("cleveland");
    private static readonly SiteId Hungary = new("hungary");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fedhealth-ledger-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_budget_stops_the_round_that_would_exceed_it()
    {
        var budget = new PrivacyBudget(maxEpsilon: 2.0, delta: 1e-5);
        var ledger = new PrivacyLedger(Study, budget);
        var roundCost = SubsampledGaussianRdp.Curve(1.0, 4.0, 1);

        var round = 0;
        BudgetDecision decision;
        while ((decision = ledger.CanSpend(PlannedRoundCost.SiteLevelOnly(round + 1, roundCost))).Allowed)
        {
            round++;
            ledger.Record(SiteEntry(round, roundCost));
            Assert.True(round < 1000);
        }

        Assert.True(round > 1);
        Assert.True(ledger.SiteLevelEpsilon(1e-5)!.Epsilon <= 2.0);
        Assert.True(decision.ProjectedSiteEpsilon > 2.0);
        Assert.Contains("refused", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(round, ledger.LastRound);
    }

    [Fact]
    public void Record_level_budgets_are_enforced_per_site_and_the_worst_site_is_named()
    {
        var ledger = new PrivacyLedger(Study, new PrivacyBudget(1.0, 1e-5));
        var cheap = SubsampledGaussianRdp.Curve(0.01, 1.5, 100);
        var dear = SubsampledGaussianRdp.Curve(0.05, 0.8, 200);
        ledger.Record(new LedgerEntry(1, PrivacyScope.Record, Cleveland, Mechanism(1.5, 0.01, 100), cheap));
        ledger.Record(new LedgerEntry(1, PrivacyScope.Record, Hungary, Mechanism(0.8, 0.05, 200), dear));

        var decision = ledger.CanSpend(new PlannedRoundCost(2, null, new Dictionary<SiteId, RdpCurve>
        {
            [Cleveland] = cheap,
            [Hungary] = dear,
        }));

        Assert.False(decision.Allowed);
        Assert.Equal(Hungary, decision.WorstSite);
        Assert.Null(decision.ProjectedSiteEpsilon);
        Assert.True(ledger.RecordLevelEpsilon(Hungary, 1e-5)!.Epsilon > ledger.RecordLevelEpsilon(Cleveland, 1e-5)!.Epsilon);
        Assert.Equal(ledger.RecordLevelEpsilon(Hungary, 1e-5), ledger.MaxRecordLevelEpsilon(1e-5));
        Assert.Null(ledger.SiteLevelEpsilon(1e-5));
    }

    [Fact]
    public void The_ledger_survives_a_restart_of_the_coordinator()
    {
        var path = Path.Combine(_directory, "study", "privacy-ledger.json");
        var budget = new PrivacyBudget(3.0, 1e-5);
        var ledger = new PrivacyLedger(Study, budget);
        var siteCost = SubsampledGaussianRdp.Curve(1.0, 3.0, 1);
        var recordCost = SubsampledGaussianRdp.Curve(0.02, 1.1, 50);
        for (var round = 1; round <= 4; round++)
        {
            ledger.Record(SiteEntry(round, siteCost));
            ledger.Record(new LedgerEntry(round, PrivacyScope.Record, Cleveland, Mechanism(1.1, 0.02, 50), recordCost));
            ledger.Save(path);
        }

        var restarted = PrivacyLedger.Load(path, Study);

        Assert.Equal(ledger.SiteLevelEpsilon(1e-5), restarted.SiteLevelEpsilon(1e-5));
        Assert.Equal(ledger.RecordLevelEpsilon(Cleveland, 1e-5), restarted.RecordLevelEpsilon(Cleveland, 1e-5));
        Assert.Equal(ledger.SiteLevelRdp(), restarted.SiteLevelRdp());
        Assert.Equal(budget, restarted.Budget);
        Assert.Equal(8, restarted.Entries.Count);
        Assert.Equal(ledger.Entries, restarted.Entries);
        var next = new PlannedRoundCost(5, siteCost, new Dictionary<SiteId, RdpCurve> { [Cleveland] = recordCost });
        Assert.Equal(ledger.CanSpend(next), restarted.CanSpend(next));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void A_replayed_round_is_not_double_counted_and_a_conflicting_one_is_refused()
    {
        var ledger = new PrivacyLedger(Study);
        var cost = SubsampledGaussianRdp.Curve(1.0, 2.0, 1);
        ledger.Record(SiteEntry(1, cost));
        var before = ledger.SiteLevelRdp();

        ledger.Record(SiteEntry(1, cost));

        Assert.Equal(before, ledger.SiteLevelRdp());
        Assert.Single(ledger.Entries);
        Assert.Throws<InvalidOperationException>(() => ledger.Record(SiteEntry(1, cost.Times(2))));
    }

    [Fact]
    public void A_truncated_ledger_file_is_an_error_never_a_reset()
    {
        var path = SavedLedger();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.Load(path));
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.LoadOrCreate(path, Study));
    }

    [Fact]
    public void An_edited_ledger_file_fails_its_checksum()
    {
        var path = SavedLedger();
        var text = File.ReadAllText(path);
        var edited = text.Replace("\"round\": 2", "\"round\": 3", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);

        var e = Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.Load(path));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_ledger_or_of_another_study_is_refused()
    {
        var path = SavedLedger();
        Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.Load(path, new StudyId("another-study")));

        File.WriteAllText(path, "{\"hello\": 1}");
        Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.Load(path));

        File.WriteAllText(path, "not json at all");
        Assert.Throws<PrivacyLedgerCorruptException>(() => PrivacyLedger.Load(path));
    }

    [Fact]
    public void A_missing_ledger_starts_a_new_study_and_the_budget_cannot_change_mid_study()
    {
        var path = Path.Combine(_directory, "new.json");
        var fresh = PrivacyLedger.LoadOrCreate(path, Study, new PrivacyBudget(1, 1e-5));
        Assert.Empty(fresh.Entries);
        fresh.Save(path);

        Assert.Throws<InvalidOperationException>(() => PrivacyLedger.LoadOrCreate(path, Study, new PrivacyBudget(5, 1e-5)));
        Assert.Throws<FileNotFoundException>(() => PrivacyLedger.Load(Path.Combine(_directory, "absent.json")));
    }

    [Fact]
    public void Entries_must_name_their_site_exactly_when_record_level()
    {
        var ledger = new PrivacyLedger(Study);
        var cost = SubsampledGaussianRdp.Curve(1.0, 2.0, 1);

        Assert.Throws<ArgumentException>(() => ledger.Record(new LedgerEntry(1, PrivacyScope.Record, null, Mechanism(2, 1, 1), cost)));
        Assert.Throws<ArgumentException>(() => ledger.Record(new LedgerEntry(1, PrivacyScope.Site, Cleveland, Mechanism(2, 1, 1), cost)));
        Assert.Throws<ArgumentException>(() => ledger.Record(SiteEntry(1, SubsampledGaussianRdp.Curve(1.0, 2.0, 1, [2, 3]))));
    }

    [Fact]
    public void Budgets_are_validated()
    {
        Assert.Equal("maxEpsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyBudget(0, 1e-5)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyBudget(1, 1)).ParamName);
    }

    private string SavedLedger()
    {
        var path = Path.Combine(_directory, "ledger.json");
        var ledger = new PrivacyLedger(Study, new PrivacyBudget(10, 1e-5));
        ledger.Record(SiteEntry(1, SubsampledGaussianRdp.Curve(1.0, 3.0, 1)));
        ledger.Record(SiteEntry(2, SubsampledGaussianRdp.Curve(1.0, 3.0, 1)));
        ledger.Save(path);
        Assert.Equal(2, PrivacyLedger.Load(path).Entries.Count);
        return path;
    }

    private static LedgerEntry SiteEntry(int round, RdpCurve cost) =>
        new(round, PrivacyScope.Site, null, new MechanismParameters("central_gaussian", 4.0, 1.0, 1, Clip: 1.0), cost);

    private static MechanismParameters Mechanism(double sigma, double q, long steps) =>
        new("subsampled_gaussian", sigma, q, steps, Clip: 1.0);
}
