namespace FedHealth.WebConsole.Hospital;

/// <summary>
/// The hospital console's page (<c>/api/site</c>): the site's policy, its ledger against its own
/// limits, and the messages that left it (newest first, at most <see cref="HospitalBoard.Kept"/>).
/// </summary>
/// <param name="EpsilonTotal">The site's total ε over every study at its own δ; null when the node keeps no ledger.</param>
public sealed record HospitalView(
    string Site,
    PolicyView Policy,
    double? EpsilonTotal,
    IReadOnlyList<LedgerStudy> Ledger,
    long MessagesSent,
    long BytesSent,
    IReadOnlyList<SentMessage> Messages);
