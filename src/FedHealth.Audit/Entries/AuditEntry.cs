using System.Collections.Immutable;

namespace FedHealth.Audit.Entries;

/// <summary>
/// One action on a service's audit trail, chained to the entry before it (<see cref="Previous"/>
/// is that entry's hash) and signed with the service's audit key. <see cref="Data"/> holds only
/// ids, counts, hashes and reasons: never a key, a password or a patient value.
/// </summary>
/// <param name="Sequence">1 for the first entry of a trail, then one more for each.</param>
/// <param name="At">When it was appended, ISO 8601 in UTC, kept as written (it is hashed as text).</param>
/// <param name="Service">Whose trail: <c>coordinator</c> or the site's id.</param>
/// <param name="Kind">What happened (<see cref="AuditKinds"/>).</param>
/// <param name="Study">The study it belongs to; null for a service-wide action.</param>
/// <param name="Round">The round it belongs to; null outside a round.</param>
/// <param name="Hash">SHA-256 of the entry's canonical bytes (<see cref="Chain.EntryDigest"/>), lowercase hex.</param>
/// <param name="Signature">Ed25519 over <see cref="Hash"/>'s bytes with the service's audit key, lowercase hex.</param>
public sealed record AuditEntry(
    long Sequence,
    string At,
    string Service,
    string Kind,
    string? Study,
    int? Round,
    ImmutableSortedDictionary<string, string> Data,
    string Previous,
    string Hash,
    string Signature);
