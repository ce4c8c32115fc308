using FedHealth.Core.Ids;
using FedHealth.Node.Policy;
using FedHealth.WebConsole.Streaming;

namespace FedHealth.WebConsole.Hospital;

/// <summary>
/// The hospital console's read model: the messages that left the site (fed by
/// <see cref="HospitalBoardActor"/>), and the site's policy and ledger, read when a page asks.
/// </summary>
/// <param name="ledger">The site's own privacy ledger; null when it keeps none (a simulation).</param>
public sealed class HospitalBoard(SiteId site, NodePrivacyPolicy policy, ISitePrivacyLedger? ledger)
{
    /// <summary>How many of the latest messages the page lists; the counters cover all of them.</summary>
    public const int Kept = 500;

    private readonly Lock _gate = new();
    private readonly LinkedList<SentMessage> _messages = [];
    private long _count;
    private long _bytes;

    public SiteId Site { get; } = site;

    public ConsoleFeed Feed { get; } = new();

    public void Record(SentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _messages.AddFirst(message);
            if (_messages.Count > Kept)
            {
                _messages.RemoveLast();
            }

            _count++;
            _bytes += message.Bytes;
        }

        Feed.Changed();
    }

    public HospitalView View()
    {
        IReadOnlyList<SentMessage> messages;
        long count, bytes;
        lock (_gate)
        {
            messages = [.. _messages];
            count = _count;
            bytes = _bytes;
        }

        var studies = ledger?.Charges().GroupBy(c => c.Study)
            .Select(g => new LedgerStudy(g.Key.Value, g.Count(), SitePolicyCheck.Epsilon(ledger.StudySpent(g.Key), policy.Delta), g.Max(c => c.At)))
            .OrderBy(s => s.Study, StringComparer.Ordinal)
            .ToList() ?? [];
        double? total = ledger is null ? null : SitePolicyCheck.Epsilon(ledger.TotalSpent(), policy.Delta);
        return new HospitalView(Site.Value, PolicyView.Of(policy), total, studies, count, bytes, messages);
    }
}
