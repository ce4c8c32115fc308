using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Revocation;

/// <summary>What <c>revoke</c> did: the certificates newly revoked (none if all already were) and the CRL it published.</summary>
public sealed record RevocationResult(IReadOnlyList<IndexEntry> NewlyRevoked, long CrlNumber, DateTimeOffset NextUpdate, string CrlPath);
