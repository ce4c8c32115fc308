using FedHealth.Core.Ids;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Node.SecureAggregation;

/// <summary>A site's long-term signing key and the enrolled public keys of the study's sites.</summary>
public sealed record SecureAggregationIdentity(Ed25519SigningKey SiteKey, IReadOnlyDictionary<SiteId, byte[]> EnrolledKeys);
