using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Signing;
using FedHealth.Audit.Storage;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Audit.Chain;

/// <summary>
/// Appends to a service's trail: each entry names the hash of the one before it and is signed with
/// the service's audit key. Opening a trail appends a <c>service.started</c> entry that carries
/// the audit public key and, when the service has a certificate, the certificate's signature over
/// it (so an export verifies from itself). One writer per trail; appends are serialised.
/// </summary>
public sealed class AuditTrail : IDisposable
{
    public const string LockFileName = "audit.lock";

    private readonly SqliteAuditStore _store;
    private readonly FileStream _lock;
    private readonly Ed25519SigningKey _key;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private long _sequence;
    private string _head;

    private AuditTrail(SqliteAuditStore store, Ed25519SigningKey key, string service, TimeProvider clock, FileStream writerLock)
    {
        _lock = writerLock;
        _store = store;
        _key = key;
        _clock = clock;
        Service = service;
        (_sequence, _head) = store.Head();
    }

    public string Service { get; }

    public string Path => _store.Path;

    /// <summary>Opens (or starts) the trail of a state directory and records that the service started.</summary>
    /// <param name="certificate">The service's certificate with its private key; null where there is none (a simulation): the key is then only self-declared.</param>
    public static AuditTrail Open(string stateDirectory, string service, X509Certificate2? certificate, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var writerLock = WriterLock(stateDirectory);
        var key = AuditKeyFile.LoadOrCreate(stateDirectory);
        var trail = new AuditTrail(SqliteAuditStore.InDirectory(stateDirectory), key, service, clock ?? TimeProvider.System, writerLock);
        if (trail._sequence > 0 && trail._store.Entries()[0].Service != service)
        {
            trail.Dispose();
            throw new InvalidOperationException($"The audit trail {trail.Path} belongs to '{trail._store.Entries()[0].Service}', not '{service}': each service needs its own state directory.");
        }

        var data = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        data["audit_public_key"] = Convert.ToHexStringLower(key.PublicKey);
        if (certificate is not null)
        {
            data["certificate"] = Convert.ToBase64String(certificate.RawData);
            data["certificate_signature"] = Convert.ToHexStringLower(AuditKeyBinding.Sign(certificate, service, key.PublicKey));
        }

        trail.Append(AuditKinds.ServiceStarted, null, null, data.ToImmutable());
        return trail;
    }

    public AuditEntry Append(string kind, string? study, int? round, ImmutableSortedDictionary<string, string> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            var sequence = _sequence + 1;
            var at = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            var hash = EntryDigest.Of(sequence, at, Service, kind, study, round, data, _head);
            var signature = Convert.ToHexStringLower(_key.Sign(Convert.FromHexString(hash)));
            var entry = new AuditEntry(sequence, at, Service, kind, study, round, data, _head, hash, signature);
            _store.Append(entry);
            (_sequence, _head) = (sequence, hash);
            return entry;
        }
    }

    /// <summary>One writer per trail: a second service pointed at the same state directory is refused, naming it.</summary>
    private static FileStream WriterLock(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = System.IO.Path.Combine(stateDirectory, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"the audit trail in {stateDirectory} is already open in another process (its lock {path} is held): each service needs its own state directory", ex);
        }
    }

    public void Dispose()
    {
        _key.Dispose();
        _lock.Dispose();
    }
}
