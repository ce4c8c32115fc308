namespace FedHealth.WebConsole.Studies;

/// <summary>A site as the coordinator's console sees it: connected at the last round start, when last seen, what it delivered.</summary>
public sealed record SiteView(string Site, bool Connected, DateTimeOffset LastSeen, int RoundsDelivered, int RoundsDropped, string? LastDropReason);
