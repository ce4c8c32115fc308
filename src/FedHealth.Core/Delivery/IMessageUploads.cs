using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Core.Delivery;

/// <summary>A site's side of large replies: which go over the transfer channel, and the upload itself.</summary>
public interface IMessageUploads
{
    /// <summary>The pending upload for <paramref name="message"/>, or null when it is small enough to send inside a message.</summary>
    PendingUpload? Prepare(IRoundMessage message, SiteId site);

    Task UploadAsync(PendingUpload upload, UploadReady ready, CancellationToken cancellationToken = default);
}
