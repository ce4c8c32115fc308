namespace FedHealth.Hosting.Remote;

/// <summary>Where an actor system listens (<see cref="Host"/>, <see cref="Port"/>; 0 = any free port) and the name peers reach it by.</summary>
public sealed record RemoteEndpoint(string Host, int Port, string? PublicHost = null);
