namespace FedHealth.Core.Delivery;

/// <summary>A reply a site has offered for upload, kept until the coordinator says where to send it.</summary>
public sealed record PendingUpload(UploadOffer Offer, byte[] Bytes);
