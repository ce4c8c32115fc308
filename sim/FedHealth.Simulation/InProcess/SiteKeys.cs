using FedHealth.Core.Ids;
using FedHealth.Crypto.Signatures;
using FedHealth.Node.SecureAggregation;

namespace FedHealth.Simulation.InProcess;

/// <summary>
/// Long-term Ed25519 site keys for a simulated federation, made fresh for each run (in a
/// deployment each hospital generates its own and only the public half is enrolled).
/// </summary>
internal sealed class SiteKeys : IDisposable
{
    private readonly Dictionary<SiteId, Ed25519SigningKey> _keys;

    private SiteKeys(Dictionary<SiteId, Ed25519SigningKey> keys)
    {
        _keys = keys;
        Enrolled = keys.ToDictionary(kv => kv.Key, kv => kv.Value.PublicKey.ToArray());
    }

    public IReadOnlyDictionary<SiteId, byte[]> Enrolled { get; }

    public static SiteKeys Generate(IEnumerable<SiteId> sites, bool needed) =>
        new(needed ? sites.ToDictionary(s => s, _ => Ed25519SigningKey.Generate()) : []);

    public SecureAggregationIdentity? IdentityOf(SiteId site) =>
        _keys.TryGetValue(site, out var key) ? new SecureAggregationIdentity(key, Enrolled) : null;

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
