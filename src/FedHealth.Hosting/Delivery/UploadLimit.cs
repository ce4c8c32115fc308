namespace FedHealth.Hosting.Delivery;

/// <summary>
/// The largest reply a site may upload in a study: its update (4 bytes per weight) or its masked
/// input (4-byte elements, at most twice the weights when distributed DP pads to a power of two),
/// plus room for the layout and the message around it. An offer above it is refused unread.
/// </summary>
public static class UploadLimit
{
    public const long EnvelopeBytes = 1L << 20;

    public static long ForModel(int parameterCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        return (8L * (parameterCount + 1L)) + EnvelopeBytes;
    }

    /// <summary>Null when <paramref name="length"/> is within <paramref name="limit"/>; otherwise the reason.</summary>
    public static string? Refusal(long length, long limit) =>
        length <= limit ? null : $"An upload of {length} bytes is more than this study's model allows ({limit} bytes).";
}
