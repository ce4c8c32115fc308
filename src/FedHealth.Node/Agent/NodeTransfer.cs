using FedHealth.Core.Delivery;

namespace FedHealth.Node.Agent;

/// <summary>The transfer channel as a site uses it: fetching large models, uploading large replies.</summary>
public sealed record NodeTransfer(IModelFetcher Models, IMessageUploads Uploads)
{
    /// <summary>The coordinator's host, as this site's configuration names it: a model offered anywhere else is refused unfetched. Null accepts any host.</summary>
    public string? CoordinatorHost { get; init; }
}
