namespace FedHealth.Transfer.Framing;

/// <summary>
/// A transfer that did not deliver verified bytes. It is an <see cref="IOException"/> so callers can
/// retry transfers the way they retry other I/O; <see cref="Status"/> says what went wrong.
/// </summary>
public sealed class BlobTransferException : IOException
{
    public BlobTransferException()
    {
    }

    public BlobTransferException(string message)
        : base(message)
    {
    }

    public BlobTransferException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlobTransferException(BlobStatus status, string message, Exception? innerException = null)
        : base(message, innerException) => Status = status;

    public BlobStatus Status { get; }
}
