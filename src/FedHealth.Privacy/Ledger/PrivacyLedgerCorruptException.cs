namespace FedHealth.Privacy.Ledger;

/// <summary>
/// The ledger file cannot be trusted (unreadable, truncated, checksum mismatch, inconsistent).
/// The coordinator must stop the study rather than start a fresh ledger: resetting would forget
/// privacy already spent.
/// </summary>
public sealed class PrivacyLedgerCorruptException : Exception
{
    public PrivacyLedgerCorruptException()
    {
    }

    public PrivacyLedgerCorruptException(string message)
        : base(message)
    {
    }

    public PrivacyLedgerCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PrivacyLedgerCorruptException(string path, string reason, Exception? innerException = null)
        : base($"The privacy ledger '{path}' is corrupt: {reason}. Refusing to continue; restore it from a backup " +
               "rather than starting a new ledger, which would forget the privacy already spent.", innerException)
    {
        Path = path;
    }

    public string? Path { get; }
}
