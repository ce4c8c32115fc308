namespace FedHealth.WebConsole.Studies;

/// <summary>A sampled site that did not deliver in a round: where it stopped and why (the reasons name no data).</summary>
public sealed record DroppedSite(string Site, string Stage, string Reason);
