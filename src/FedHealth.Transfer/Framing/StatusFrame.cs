namespace FedHealth.Transfer.Framing;

/// <summary>
/// A verdict, 4 bytes: <c>"FHS"</c> | <see cref="BlobStatus"/>. The server answers every request
/// with one, and the receiver of a blob sends one after checking it, so the sender learns whether
/// the bytes arrived intact.
/// </summary>
internal static class StatusFrame
{
    public const int Size = 4;

    private static ReadOnlySpan<byte> Magic => "FHS"u8;

    public static void Write(Span<byte> destination, BlobStatus status)
    {
        Magic.CopyTo(destination);
        destination[3] = (byte)status;
    }

    public static BlobStatus Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size || !source[..3].SequenceEqual(Magic) || !Enum.IsDefined((BlobStatus)source[3]))
        {
            throw new BlobTransferException(BlobStatus.MalformedFrame, "Malformed status frame: the peer does not speak the blob protocol.");
        }

        return (BlobStatus)source[3];
    }

    public static async ValueTask WriteAsync(Stream stream, BlobStatus status, CancellationToken cancellationToken)
    {
        var frame = new byte[Size];
        Write(frame, status);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Best effort: the peer may already be gone, and the connection closes either way.</summary>
    public static async ValueTask TryWriteAsync(Stream stream, BlobStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(stream, status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads a verdict; a stream that ends first is <see cref="BlobStatus.TruncatedStream"/>.</summary>
    public static async ValueTask<BlobStatus> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var frame = new byte[Size];
        try
        {
            await stream.ReadExactlyAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new BlobTransferException(BlobStatus.TruncatedStream, "The peer closed the connection before sending its verdict.", ex);
        }

        return Read(frame);
    }
}
