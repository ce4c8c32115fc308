using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// Reads every study in a state through the journal's query side (Akka.Persistence.Query), without
/// starting or changing any of them: a finished study stays queryable.
/// </summary>
public static class StudyCatalog
{
    private const string Prefix = "fedhealth-study-";

    public static async Task<IReadOnlyList<StudySummary>> ReadAsync(ActorSystem system, string readJournalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        var journal = PersistenceQuery.Get(system).ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(readJournalId);
        var ids = journal as ICurrentPersistenceIdsQuery
            ?? throw new InvalidOperationException($"The read journal {readJournalId} cannot list the studies.");
        var materializer = system.Materializer();
        var persistenceIds = await ids.CurrentPersistenceIds().Where(id => id.StartsWith(Prefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<string>(), materializer).WaitAsync(cancellationToken).ConfigureAwait(false);
        var studies = new List<StudySummary>();
        foreach (var id in persistenceIds.Order(StringComparer.Ordinal))
        {
            var events = await journal.CurrentEventsByPersistenceId(id, 0, long.MaxValue)
                .RunWith(Sink.Seq<EventEnvelope>(), materializer).WaitAsync(cancellationToken).ConfigureAwait(false);
            var state = new StudyState();
            foreach (var envelope in events)
            {
                state.Apply((IStudyEvent)envelope.Event);
            }

            if (state.Definition is not null)
            {
                studies.Add(StudySummary.Of(state));
            }
        }

        return studies;
    }
}
