using System.Collections.Concurrent;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// Counts refused messages by reason. <see cref="Record"/> says whether a reason is new, so the
/// caller logs each reason once and a flood of bad messages costs a counter, not a log line each.
/// </summary>
public sealed class ProtocolRefusals
{
    private readonly ConcurrentDictionary<RefusalReason, long> _counts = new();

    /// <summary>True the first time <paramref name="reason"/> is recorded.</summary>
    public bool Record(RefusalReason reason) => _counts.AddOrUpdate(reason, 1, (_, n) => n + 1) == 1;

    public long Count(RefusalReason reason) => _counts.TryGetValue(reason, out var n) ? n : 0;

    public long Total => _counts.Values.Sum();

    /// <summary>The counts so far, by reason (reasons never seen are absent).</summary>
    public IReadOnlyDictionary<RefusalReason, long> Snapshot() => new Dictionary<RefusalReason, long>(_counts);
}
