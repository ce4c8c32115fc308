namespace FedHealth.Core.Protocol;

/// <summary>Marker for every message that crosses between coordinator and node agents.</summary>
public interface IProtocolMessage;
