using FedHealth.Core.Protocol;

namespace FedHealth.Core.Delivery;

/// <summary>The coordinator's side of large replies: expects an offered upload, checks it and reads the message it carries.</summary>
public interface IUploadReceiver
{
    /// <summary>Where sites upload (told to them in <see cref="UploadReady"/>).</summary>
    (string Host, int Port) Endpoint { get; }

    /// <summary>Starts expecting <paramref name="offer"/> at once; completes with the message when the upload has arrived and verified.</summary>
    Task<IProtocolMessage> ReceiveAsync(UploadOffer offer, CancellationToken cancellationToken = default);
}
