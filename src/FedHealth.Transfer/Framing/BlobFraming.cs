namespace FedHealth.Transfer.Framing;

/// <summary>Sizes of the blob protocol. Chunks are bounded so no peer can make the other buffer more than one.</summary>
public static class BlobFraming
{
    /// <summary>1 MiB: large enough that per-chunk costs vanish, small enough to stay out of the way.</summary>
    public const int DefaultChunkSize = 1 << 20;

    /// <summary>The largest chunk a receiver accepts; a header announcing more ends the transfer.</summary>
    public const int MaxChunkSize = 4 << 20;

    /// <summary>The largest blob one transfer can carry: it lands in a single array.</summary>
    public static long MaxBlobLength => Array.MaxLength;

    public static void ThrowIfInvalidChunkSize(int chunkSize, string parameterName)
    {
        if (chunkSize is < 1 or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(parameterName, chunkSize, $"A chunk holds 1 to {MaxChunkSize} bytes.");
        }
    }
}
