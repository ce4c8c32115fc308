namespace FedHealth.Node.Policy;

/// <summary>What a site's policy says of one instruction: a refusal with its reason, or the charge to write before training (null when nothing is accounted).</summary>
public sealed record PolicyVerdict(string? Refusal, SiteCharge? Charge)
{
    public bool Allowed => Refusal is null;
}
