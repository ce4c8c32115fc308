namespace FedHealth.Transfer.Server;

/// <summary>
/// The server's transfer slots: at most <c>total</c> authenticated transfers at once, and at most
/// <c>perPeer</c> of them for one client certificate, so one site cannot take every slot.
/// </summary>
internal sealed class ConnectionSlots(int total, int perPeer) : IDisposable
{
    private readonly SemaphoreSlim _total = new(total, total);
    private readonly Dictionary<string, int> _perPeer = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A slot for <paramref name="peer"/> (waiting for a free one); null at once when the peer already holds its share.</summary>
    public async Task<IDisposable?> EnterAsync(string peer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var held = _perPeer.GetValueOrDefault(peer);
            if (held >= perPeer)
            {
                return null;
            }

            _perPeer[peer] = held + 1;
        }

        try
        {
            await _total.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(peer);
            throw;
        }

        return new Lease(this, peer);
    }

    public void Dispose() => _total.Dispose();

    private void Leave(string peer)
    {
        lock (_gate)
        {
            if (--_perPeer[peer] == 0)
            {
                _perPeer.Remove(peer);
            }
        }
    }

    private sealed class Lease(ConnectionSlots slots, string peer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots._total.Release();
                slots.Leave(peer);
            }
        }
    }
}
