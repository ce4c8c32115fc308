using Akka.Actor;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Rounds;

/// <summary>A site's upload did not arrive or did not verify; the stage deadline then treats the site as gone.</summary>
internal sealed record UploadFailed(SiteId Site, string Reason) : INoSerializationVerificationNeeded;
