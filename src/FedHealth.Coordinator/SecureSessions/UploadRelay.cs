using Akka.Actor;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Delivery;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>
/// A site's reply is too large for a message: expect its upload on the transfer channel, tell the
/// site where, and deliver the verified message to <paramref name="self"/> as if it had come inline
/// from the site (or an <see cref="UploadFailed"/>).
/// </summary>
internal static class UploadRelay
{
    public static void Accept(IUploadReceiver uploads, UploadOffer offer, IActorRef site, IActorRef self)
    {
        uploads.ReceiveAsync(offer).PipeTo(self, site, message => message, ex => new UploadFailed(offer.Site, ex.GetBaseException().Message));
        var (host, port) = uploads.Endpoint;
        site.Tell(new UploadReady(offer.Study, offer.Round, offer.Ticket, host, port));
    }
}
