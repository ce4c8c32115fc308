namespace FedHealth.Audit.Entries;

/// <summary>The kinds of action on an audit trail (docs/audit.md lists the data of each).</summary>
public static class AuditKinds
{
    /// <summary>The service started: its audit public key, bound to its certificate. Every trail starts with one.</summary>
    public const string ServiceStarted = "service.started";

    public const string StudyCreated = "study.created";
    public const string StudyFinished = "study.finished";
    public const string SiteRegistered = "site.registered";
    public const string SiteRefused = "site.refused";
    public const string SiteRevoked = "site.revoked";
    public const string RoundStarted = "round.started";
    public const string RoundCommitted = "round.committed";
    public const string SiteDropped = "site.dropped";
    public const string PrivacyCharged = "privacy.charged";
    public const string ModelReleased = "model.released";

    /// <summary>A protocol message a service accepted from a peer (kind, byte count, hash of its wire bytes).</summary>
    public const string MessageReceived = "message.received";

    /// <summary>A protocol message a service sent (kind, byte count, hash of its wire bytes).</summary>
    public const string MessageSent = "message.sent";

    /// <summary>A node refused an instruction (its policy, with the numbers).</summary>
    public const string InstructionRefused = "instruction.refused";
}
