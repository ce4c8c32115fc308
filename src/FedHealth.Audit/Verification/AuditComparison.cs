using FedHealth.Audit.Entries;

namespace FedHealth.Audit.Verification;

/// <summary>
/// What a node says it sent in a study against what the coordinator says it received from that
/// site, message by message (round, type, SHA-256 of the wire bytes). A message the coordinator
/// records that the node never sent (or sent with other bytes) is a contradiction: one of the two
/// trails does not tell the truth. A message the node sent that the coordinator does not record
/// is only unconfirmed (lost on the way, late for its stage, or a kind no round session takes).
/// </summary>
public static class AuditComparison
{
    public static ComparisonResult Compare(IReadOnlyList<AuditEntry> node, IReadOnlyList<AuditEntry> coordinator, string study)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(coordinator);
        var site = node.Count > 0 ? node[0].Service : string.Empty;
        var sent = Messages(node.Where(e => e.Kind == AuditKinds.MessageSent && e.Study == study));
        var received = Messages(coordinator.Where(e => e.Kind == AuditKinds.MessageReceived && e.Study == study
            && e.Data.TryGetValue("site", out var from) && from == site));

        var matched = new List<ComparedMessage>();
        var unconfirmed = new List<ComparedMessage>();
        var pool = received.ToList();
        foreach (var message in sent)
        {
            var index = pool.IndexOf(message);
            if (index >= 0)
            {
                matched.Add(message);
                pool.RemoveAt(index);
            }
            else
            {
                unconfirmed.Add(message);
            }
        }

        var charged = node.Where(e => e.Kind == AuditKinds.PrivacyCharged && e.Study == study).ToList();
        return new ComparisonResult(site, study, matched, unconfirmed, pool, charged.Count,
            charged.Select(e => e.Data.TryGetValue("epsilon", out var epsilon) ? epsilon : "?").ToList());
    }

    private static List<ComparedMessage> Messages(IEnumerable<AuditEntry> entries) =>
        entries.Select(e => new ComparedMessage(e.Round ?? 0, Value(e, "type"), Value(e, "sha256"), Value(e, "bytes"))).ToList();

    private static string Value(AuditEntry entry, string key) => entry.Data.TryGetValue(key, out var value) ? value : string.Empty;
}
