namespace FedHealth.Transfer.Tls;

/// <summary>
/// Cancels the connection's token when one read or write makes no progress for the idle timeout,
/// so a stalled peer cannot hold a connection (and its buffers) forever. The frame reader and writer
/// stay ignorant of time: they just see a stream and a token. With a <see cref="RateFloor"/> it
/// also cancels when the bytes moved so far fall below the floor (a trickling peer).
/// </summary>
internal sealed class IdleTimeoutStream(Stream inner, CancellationTokenSource watchdog, TimeSpan idleTimeout, RateFloor? floor = null, TimeProvider? time = null) : Stream
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();
    private long _bytes;

    /// <summary>Whether the connection was cancelled for being slower than its rate floor.</summary>
    public bool FellBelowRate { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        watchdog.CancelAfter(idleTimeout);
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Moved(read);
        return read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        watchdog.CancelAfter(idleTimeout);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Moved(buffer.Length);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        watchdog.CancelAfter(idleTimeout);
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Counts the bytes and drops the connection (through its token) when it has fallen below the floor.</summary>
    private void Moved(int bytes)
    {
        _bytes += bytes;
        if (floor is not null && floor.TooSlow(_bytes, _time.GetElapsedTime(_started)))
        {
            FellBelowRate = true;
            watchdog.Cancel();
            watchdog.Token.ThrowIfCancellationRequested();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The blob channel is asynchronous only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The blob channel is asynchronous only.");

    public override void Flush() => throw new NotSupportedException("The blob channel is asynchronous only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
