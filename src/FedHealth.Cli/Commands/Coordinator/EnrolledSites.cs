using System.Collections;
using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;
using Serilog;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>
/// The sites a running study admits: <c>Study:Sites</c> plus the signed <see cref="AddedSites"/>
/// file, re-read whenever it changes (checked by its write time and size on each lookup, as the CRL
/// is), so a site added with <c>fedhealth study add-site</c> is admitted by TLS and the registry
/// and joins the next round without a restart. Thread-safe: the TLS callbacks read it concurrently.
/// </summary>
internal sealed class EnrolledSites : IReadOnlySet<string>
{
    private readonly ImmutableHashSet<string> _configured;
    private readonly string _path;
    private readonly Func<X509Certificate2?> _certificate;
    private readonly Lock _gate = new();
    private (DateTime Written, long Length)? _stamp;
    private ImmutableHashSet<string> _current;

    /// <param name="certificate">The coordinator's own certificate, which signs the added sites; until it is known only the configured sites count.</param>
    public EnrolledSites(IEnumerable<string> configured, string path, Func<X509Certificate2?> certificate)
    {
        _configured = configured.ToImmutableHashSet(StringComparer.Ordinal);
        _current = _configured;
        _path = path;
        _certificate = certificate;
    }

    public int Count => Current().Count;

    public bool Contains(string item) => Current().Contains(item);

    public IEnumerator<string> GetEnumerator() => Current().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => Current().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => Current().IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => Current().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => Current().IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => Current().Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => Current().SetEquals(other);

    private ImmutableHashSet<string> Current()
    {
        if (_certificate() is not { } certificate)
        {
            return _configured;
        }

        var info = new FileInfo(_path);
        (DateTime, long)? stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
        lock (_gate)
        {
            if (stamp == _stamp)
            {
                return _current;
            }

            _stamp = stamp;
            var (added, refusal) = AddedSites.Read(_path, certificate);
            if (refusal is not null)
            {
                Log.Warning("The added sites were refused; keeping the previous list: {Reason}", refusal);
                return _current;
            }

            var next = _configured.Union(added);
            foreach (var site in next.Except(_current))
            {
                Log.Information("Site {Site} is now enrolled in the running study (added with fedhealth study add-site)", site);
            }

            _current = next;
            return _current;
        }
    }
}
