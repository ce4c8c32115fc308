namespace FedHealth.Audit.Verification;

/// <summary>One protocol message as a trail records it: its round, type, wire SHA-256 and size.</summary>
public sealed record ComparedMessage(int Round, string Type, string Sha256, string Bytes);
