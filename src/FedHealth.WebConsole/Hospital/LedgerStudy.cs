namespace FedHealth.WebConsole.Hospital;

/// <summary>What one study has spent of the site's privacy budget, from the site's own ledger.</summary>
public sealed record LedgerStudy(string Study, int RoundsCharged, double Epsilon, DateTimeOffset LastCharged);
