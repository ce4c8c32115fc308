using FedHealth.Core.Protocol;

namespace FedHealth.Node.Policy;

/// <summary>
/// A hospital's guard against a coordinator that asks too much: each training instruction is checked
/// against the site's own policy and, when allowed, charged to the site's own ledger before training
/// starts (write-ahead: a crash can over-count, never under-count). A resent round is charged again.
/// </summary>
public sealed class SitePrivacyGuard(NodePrivacyPolicy policy, ISitePrivacyLedger ledger, TimeProvider? clock = null)
{
    private readonly NodePrivacyPolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    private readonly ISitePrivacyLedger _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();

    public NodePrivacyPolicy Policy => _policy;

    /// <summary>Null when the site may train (and the round is charged); otherwise the reason, with the numbers.</summary>
    public string? Admit(FitInstruction instruction, int trainRows) => Decide(instruction, trainRows).Refusal;

    /// <summary>The policy's verdict on an instruction; an allowed one is already charged to the ledger (its <see cref="PolicyVerdict.Charge"/>).</summary>
    public PolicyVerdict Decide(FitInstruction instruction, int trainRows)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        lock (_gate)
        {
            var attempts = _ledger.Charges().Count(c => c.Study == instruction.Study && c.Round == instruction.Round);
            var verdict = SitePolicyCheck.Assess(
                _policy, instruction, trainRows, _ledger.StudySpent(instruction.Study), _ledger.TotalSpent(), _clock.GetUtcNow(), attempts);
            if (verdict.Charge is { } charge)
            {
                _ledger.Charge(charge);
            }

            return verdict;
        }
    }
}
