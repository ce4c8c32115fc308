namespace FedHealth.Audit.Verification;

/// <summary>The outcome of verifying a trail: intact, or the first bad entry and why.</summary>
/// <param name="Entries">How many entries were read.</param>
/// <param name="FirstBad">The position (1-based, in the order given) of the first entry that fails; null when intact.</param>
/// <param name="Certificates">The certificate subjects the trail's audit keys are bound to, in order; "none (self-declared)" for a key without one.</param>
public sealed record AuditVerdict(string? Service, int Entries, int? FirstBad, string? Reason, IReadOnlyList<string> Certificates)
{
    public bool Intact => FirstBad is null;
}
