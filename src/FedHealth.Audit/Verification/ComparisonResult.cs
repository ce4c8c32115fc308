namespace FedHealth.Audit.Verification;

/// <summary>The outcome of <see cref="AuditComparison.Compare"/> for one site in one study.</summary>
/// <param name="Matched">Sent by the node and received by the coordinator, byte for byte.</param>
/// <param name="Unconfirmed">Sent by the node, not recorded by the coordinator.</param>
/// <param name="Contradicted">Recorded by the coordinator as received from the site, never sent by it (or with other bytes).</param>
/// <param name="RoundsCharged">How many rounds the site charged to its own ledger in this study.</param>
/// <param name="EpsilonPerRound">The ε of each charged round, as the site's trail records it.</param>
public sealed record ComparisonResult(
    string Site,
    string Study,
    IReadOnlyList<ComparedMessage> Matched,
    IReadOnlyList<ComparedMessage> Unconfirmed,
    IReadOnlyList<ComparedMessage> Contradicted,
    int RoundsCharged,
    IReadOnlyList<string> EpsilonPerRound)
{
    public bool Consistent => Contradicted.Count == 0;
}
