namespace FedHealth.SecureAggregation.Server;

/// <summary>Whether the coordinator took a site's message into the session, and if not, why.</summary>
public sealed record SecAggReceipt(bool Accepted, string? Reason)
{
    public static SecAggReceipt Accept { get; } = new(true, null);

    public static SecAggReceipt Reject(string reason) => new(false, reason);
}
