using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// The operating system's CSPRNG (<see cref="RandomNumberGenerator"/>), read in 4 KiB blocks so that
/// drawing one 64-bit word costs a few nanoseconds rather than a call into the OS. The default source.
/// </summary>
public sealed class OsRandomSource : IRandomSource, IDisposable
{
    private const int BufferSize = 4096;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _position = BufferSize;

    public ulong NextUInt64()
    {
        if (_position > BufferSize - sizeof(ulong))
        {
            RandomNumberGenerator.Fill(_buffer);
            _position = 0;
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(_position));
        _position += sizeof(ulong);
        return value;
    }

    public void Fill(Span<byte> destination)
    {
        if (destination.Length >= 256)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        if (_position > BufferSize - destination.Length)
        {
            RandomNumberGenerator.Fill(_buffer);
            _position = 0;
        }

        _buffer.AsSpan(_position, destination.Length).CopyTo(destination);
        _position += destination.Length;
    }

    /// <summary>Erases the unread random bytes.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _position = BufferSize;
    }
}
