namespace FedHealth.WebConsole.Hospital;

/// <summary>
/// One message that left the site: its kind, study, round, serialized size and SHA-256, and, for a
/// failure or refusal, the site's reason (reasons name no data). Never the message's content.
/// </summary>
public sealed record SentMessage(string Kind, string Study, int Round, long Bytes, string Sha256, DateTimeOffset At, string? Reason);
