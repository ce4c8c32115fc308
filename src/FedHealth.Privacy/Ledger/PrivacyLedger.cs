using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Ledger;

/// <summary>
/// The append-only record of what a study has spent: per round, the site-level RDP curve (per
/// study) and each site's record-level RDP curve. It answers the ethics board's question — the
/// cumulative ε at δ, per study and per site — and refuses a round that would exceed the budget.
/// Pure data plus its JSON file (<see cref="Save"/>, <see cref="Load"/>); not thread-safe (the
/// coordinator's study actor owns it).
/// </summary>
public sealed class PrivacyLedger
{
    private readonly List<LedgerEntry> _entries = [];

    public PrivacyLedger(StudyId study, PrivacyBudget? budget = null, ImmutableArray<double>? orders = null)
    {
        if (string.IsNullOrWhiteSpace(study.Value))
        {
            throw new ArgumentException("The study id is empty.", nameof(study));
        }

        Study = study;
        Budget = budget;
        Orders = orders is null ? RdpOrders.Default : RdpOrders.Validate(orders.Value, nameof(orders));
    }

    public StudyId Study { get; }

    /// <summary>The study's budget, fixed at creation and persisted with the ledger.</summary>
    public PrivacyBudget? Budget { get; }

    public ImmutableArray<double> Orders { get; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>The last round with an entry (0 when none).</summary>
    public int LastRound => _entries.Count == 0 ? 0 : _entries.Max(e => e.Round);

    /// <summary>
    /// Appends an entry. Recording the same (round, scope, site) again is a no-op when identical
    /// (a replay after a crash) and an error otherwise: nothing is ever double-counted or rewritten.
    /// </summary>
    public void Record(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        if (!entry.Rdp.Orders.SequenceEqual(Orders))
        {
            throw new ArgumentException("The entry's RDP curve is over different orders than the ledger's.", nameof(entry));
        }

        var existing = _entries.FirstOrDefault(e => e.Round == entry.Round && e.Scope == entry.Scope && e.Site == entry.Site);
        if (existing is not null)
        {
            if (existing.Mechanism == entry.Mechanism && existing.Rdp.Equals(entry.Rdp))
            {
                return;
            }

            throw new InvalidOperationException(
                $"Round {entry.Round} already has a different {entry.Scope} entry{(entry.Site is null ? "" : $" for site {entry.Site}")}; the ledger is append-only.");
        }

        _entries.Add(entry);
    }

    /// <summary>The composed site-level RDP of the study so far.</summary>
    public RdpCurve SiteLevelRdp() => Compose(_entries.Where(e => e.Scope == PrivacyScope.Site));

    /// <summary>The composed record-level RDP of one site so far.</summary>
    public RdpCurve RecordLevelRdp(SiteId site) =>
        Compose(_entries.Where(e => e.Scope == PrivacyScope.Record && e.Site == site));

    /// <summary>The sites with record-level entries.</summary>
    public IReadOnlyList<SiteId> RecordLevelSites() =>
        _entries.Where(e => e.Scope == PrivacyScope.Record).Select(e => e.Site!.Value).Distinct().Order().ToList();

    /// <summary>Cumulative site-level ε at δ, or null when site-level DP was never used.</summary>
    public EpsilonResult? SiteLevelEpsilon(double delta) =>
        _entries.Any(e => e.Scope == PrivacyScope.Site) ? SiteLevelRdp().ToEpsilon(delta) : null;

    /// <summary>Cumulative record-level ε at δ for one site, or null when it has none.</summary>
    public EpsilonResult? RecordLevelEpsilon(SiteId site, double delta) =>
        _entries.Any(e => e.Scope == PrivacyScope.Record && e.Site == site) ? RecordLevelRdp(site).ToEpsilon(delta) : null;

    /// <summary>The largest record-level ε over the sites (what a report's <c>epsilon_record</c> shows), or null.</summary>
    public EpsilonResult? MaxRecordLevelEpsilon(double delta) =>
        RecordLevelSites().Select(s => RecordLevelRdp(s).ToEpsilon(delta)).MaxBy(r => r.Epsilon);

    /// <summary>Checks <paramref name="planned"/> against the budget stored with the ledger.</summary>
    public BudgetDecision CanSpend(PlannedRoundCost planned) =>
        CanSpend(planned, Budget ?? throw new InvalidOperationException("This ledger has no budget; pass one."));

    /// <summary>
    /// Whether the round may start: every scope's cumulative ε after it, at the budget's δ, must stay
    /// ≤ ε_max (site-level for the study, record-level for every site).
    /// </summary>
    public BudgetDecision CanSpend(PlannedRoundCost planned, PrivacyBudget budget)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(budget);
        double? siteEpsilon = null;
        if (planned.SiteLevel is not null)
        {
            siteEpsilon = SiteLevelRdp().Add(planned.SiteLevel).ToEpsilon(budget.Delta).Epsilon;
        }

        double? recordEpsilon = null;
        SiteId? worst = null;
        foreach (var (site, cost) in planned.RecordLevel.OrderBy(p => p.Key))
        {
            var eps = RecordLevelRdp(site).Add(cost).ToEpsilon(budget.Delta).Epsilon;
            if (recordEpsilon is null || eps > recordEpsilon)
            {
                recordEpsilon = eps;
                worst = site;
            }
        }

        var siteOver = siteEpsilon > budget.MaxEpsilon;
        var recordOver = recordEpsilon > budget.MaxEpsilon;
        var allowed = !siteOver && !recordOver;
        var parts = new List<string>();
        if (siteEpsilon is not null)
        {
            parts.Add($"site-level ε would reach {siteEpsilon:G5}");
        }

        if (recordEpsilon is not null)
        {
            parts.Add($"record-level ε would reach {recordEpsilon:G5} (site {worst})");
        }

        var numbers = parts.Count == 0 ? "the round spends nothing" : string.Join(", ", parts);
        var reason = allowed
            ? $"Round {planned.Round} fits the budget ε ≤ {budget.MaxEpsilon:G5} at δ = {budget.Delta:G3}: {numbers}."
            : $"Round {planned.Round} refused, the privacy budget ε ≤ {budget.MaxEpsilon:G5} at δ = {budget.Delta:G3} would be exceeded: {numbers}.";
        return new BudgetDecision(allowed, siteEpsilon, recordEpsilon, worst, budget, reason);
    }

    /// <summary>Writes the ledger atomically (temp file, fsync, rename, fsync of the directory).</summary>
    public void Save(string path) => LedgerFile.Save(this, path);

    /// <summary>Reads a ledger written by <see cref="Save"/>; throws <see cref="PrivacyLedgerCorruptException"/> if it cannot be trusted.</summary>
    public static PrivacyLedger Load(string path, StudyId? expectedStudy = null)
    {
        var ledger = LedgerFile.Load(path);
        if (expectedStudy is not null && ledger.Study != expectedStudy.Value)
        {
            throw new PrivacyLedgerCorruptException(path, $"it belongs to study '{ledger.Study}', not '{expectedStudy}'");
        }

        return ledger;
    }

    /// <summary>Loads the ledger at <paramref name="path"/> if it exists, else starts an empty one (a new study).</summary>
    public static PrivacyLedger LoadOrCreate(string path, StudyId study, PrivacyBudget? budget = null)
    {
        if (!File.Exists(path))
        {
            return new PrivacyLedger(study, budget);
        }

        var ledger = Load(path, study);
        if (budget is not null && ledger.Budget is not null && ledger.Budget != budget)
        {
            throw new InvalidOperationException(
                $"The study's ledger has budget ε ≤ {ledger.Budget.MaxEpsilon} at δ = {ledger.Budget.Delta}; it cannot be changed to " +
                $"ε ≤ {budget.MaxEpsilon} at δ = {budget.Delta} mid-study.");
        }

        return ledger;
    }

    private RdpCurve Compose(IEnumerable<LedgerEntry> entries)
    {
        var total = RdpCurve.Zero(Orders);
        foreach (var e in entries)
        {
            total = total.Add(e.Rdp);
        }

        return total;
    }
}
