using FedHealth.Core.Ids;

namespace FedHealth.Core.Protocol;

/// <summary>A message that belongs to one round of one study; replies echo both ids.</summary>
public interface IRoundMessage : IProtocolMessage
{
    StudyId Study { get; }

    int Round { get; }
}
