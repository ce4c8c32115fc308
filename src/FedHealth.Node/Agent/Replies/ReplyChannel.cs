using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Node.Audit;

namespace FedHealth.Node.Agent.Replies;

/// <summary>
/// The one way a site's replies leave it: inside a message, or, when too large for one, offered to
/// the round and uploaded over the coordinator's transfer channel once the round says where.
/// Owned by the agent, so every reply is sent by the actor registered for the site.
/// </summary>
internal sealed class ReplyChannel(SiteId site, IMessageUploads? uploads, ILoggingAdapter log, NodeAudit audit)
{
    private readonly Dictionary<string, PendingUpload> _pending = [];

    public void Send(IActorRef round, IRoundMessage reply, IActorRef self)
    {
        if (uploads?.Prepare(reply, site) is not { } pending)
        {
            audit.Sent(reply);
            round.Tell(reply, self);
            return;
        }

        audit.Sent(reply, via: "upload");
        audit.Sent(pending.Offer);

        _pending[Convert.ToHexString(pending.Offer.Ticket)] = pending;
        round.Tell(pending.Offer, self);
    }

    /// <summary>The round is ready for an offered upload: send its bytes, off the actor thread.</summary>
    public void Upload(UploadReady ready)
    {
        if (uploads is null || !_pending.Remove(Convert.ToHexString(ready.Ticket), out var pending))
        {
            return;
        }

        var channel = uploads;
        _ = Task.Run(async () =>
        {
            try
            {
                await channel.UploadAsync(pending, ready).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                log.Warning("Site {Site}: the upload for round {Round} failed: {Reason}", site, ready.Round, ex.Message);
            }
        });
    }
}
