using FedHealth.Core.Delivery;

namespace FedHealth.Coordinator.Rounds;

/// <summary>The transfer channel as the rounds use it: large models out to the sites, large replies back.</summary>
public sealed record RoundTransfer(IModelPublisher Models, IUploadReceiver Uploads);
