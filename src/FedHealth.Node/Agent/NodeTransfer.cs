using FedHealth.Core.Delivery;

namespace FedHealth.Node.Agent;

/// <summary>The transfer channel as a site uses it: fetching large models, uploading large replies.</summary>
public sealed record NodeTransfer(IModelFetcher Models, IMessageUploads Uploads);
