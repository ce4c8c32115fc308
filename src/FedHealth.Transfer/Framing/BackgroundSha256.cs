using System.Security.Cryptography;

namespace FedHealth.Transfer.Framing;

/// <summary>
/// SHA-256 over consecutive slices of one array, each hashed on the thread pool while the caller
/// reads the next slice: decryption and hashing then use two cores instead of taking turns on one.
/// Slices are hashed strictly in order; the caller must not touch a slice once it is appended.
/// </summary>
internal sealed class BackgroundSha256 : IAsyncDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Task _pending = Task.CompletedTask;

    public async ValueTask AppendAsync(byte[] array, int offset, int count)
    {
        await _pending.ConfigureAwait(false);
        _pending = Task.Run(() => _hash.AppendData(array, offset, count));
    }

    public async ValueTask<byte[]> FinishAsync()
    {
        await _pending.ConfigureAwait(false);
        return _hash.GetHashAndReset();
    }

    public async ValueTask DisposeAsync()
    {
        await _pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _hash.Dispose();
    }
}
