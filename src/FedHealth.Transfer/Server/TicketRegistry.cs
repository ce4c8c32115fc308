using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Server;

/// <summary>
/// Live tickets, plus a bounded memory of retired ones so that a late request hears "expired",
/// "withdrawn" or "used" rather than "unknown". Expiry is checked on every look-up and by a sweep,
/// so an expired blob's memory is released even when nobody asks for it.
/// </summary>
internal sealed class TicketRegistry(TimeProvider time, int retiredCapacity = 4096)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BlobTicket, TicketEntry> _live = [];
    private readonly Dictionary<BlobTicket, BlobStatus> _retired = [];
    private readonly Queue<BlobTicket> _retiredOrder = new();

    public int LiveCount
    {
        get
        {
            lock (_gate)
            {
                return _live.Count;
            }
        }
    }

    public void Add(TicketEntry entry)
    {
        lock (_gate)
        {
            if (_live.ContainsKey(entry.Offer.Ticket) || _retired.ContainsKey(entry.Offer.Ticket))
            {
                throw new InvalidOperationException($"Ticket {entry.Offer.Ticket} is already in use; every blob needs a fresh ticket.");
            }

            _live.Add(entry.Offer.Ticket, entry);
        }
    }

    /// <summary>The live entry for <paramref name="ticket"/> and <paramref name="operation"/>, or why there is none.</summary>
    public BlobStatus Find(BlobTicket ticket, BlobOperation operation, out TicketEntry? entry)
    {
        TicketEntry? expired = null;
        BlobStatus status;
        lock (_gate)
        {
            if (_live.TryGetValue(ticket, out entry) && entry.ExpiresAt <= time.GetUtcNow())
            {
                expired = entry;
                RetireLocked(ticket, BlobStatus.ExpiredTicket);
                entry = null;
            }

            status = entry is not null
                ? entry.Operation == operation ? BlobStatus.Ok : BlobStatus.WrongOperation
                : _retired.GetValueOrDefault(ticket, BlobStatus.UnknownTicket);
        }

        expired?.Retire(BlobStatus.ExpiredTicket);
        return status;
    }

    /// <summary>Retires a live ticket for <paramref name="why"/>; false if it was not live.</summary>
    public bool Retire(BlobTicket ticket, BlobStatus why)
    {
        TicketEntry? entry;
        lock (_gate)
        {
            if (!_live.TryGetValue(ticket, out entry))
            {
                return false;
            }

            RetireLocked(ticket, why);
        }

        if (why != BlobStatus.TicketUsed)
        {
            entry.Retire(why);
        }

        return true;
    }

    public void SweepExpired()
    {
        var now = time.GetUtcNow();
        List<TicketEntry> expired;
        lock (_gate)
        {
            expired = [.. _live.Values.Where(e => e.ExpiresAt <= now)];
            foreach (var entry in expired)
            {
                RetireLocked(entry.Offer.Ticket, BlobStatus.ExpiredTicket);
            }
        }

        foreach (var entry in expired)
        {
            entry.Retire(BlobStatus.ExpiredTicket);
        }
    }

    /// <summary>Empties the registry, telling every waiting upload that the server stopped.</summary>
    public void Close()
    {
        List<TicketEntry> entries;
        lock (_gate)
        {
            entries = [.. _live.Values];
            _live.Clear();
        }

        foreach (var entry in entries)
        {
            entry.Abandon();
        }
    }

    private void RetireLocked(BlobTicket ticket, BlobStatus why)
    {
        _live.Remove(ticket);
        _retired[ticket] = why;
        _retiredOrder.Enqueue(ticket);
        while (_retiredOrder.Count > retiredCapacity)
        {
            _retired.Remove(_retiredOrder.Dequeue());
        }
    }
}
