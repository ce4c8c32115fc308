using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedHealth.Privacy.Sampling;

/// <summary>
/// A deterministic CSPRNG: AES-256 in counter mode keyed with SHA-256(domain ‖ seed).
/// Used where randomness must be shared or replayed — the random sign flip of the Hadamard
/// rotation that all sites derive from one shared seed, and reproducible tests. Its output is
/// indistinguishable from uniform to anyone who does not know the seed; it is never used for noise
/// in production (noise comes from <see cref="OsRandomSource"/>).
/// </summary>
public sealed class SeededRandomSource : IRandomSource, IDisposable
{
    private const int BlocksPerRefill = 256;
    private readonly Aes _aes;
    private readonly byte[] _counterBlocks = new byte[16 * BlocksPerRefill];
    private readonly byte[] _buffer = new byte[16 * BlocksPerRefill];
    private ulong _counter;
    private int _position;

    /// <summary>A generator for <paramref name="seed"/>, separated by <paramref name="domain"/> (a purpose label).</summary>
    public SeededRandomSource(ReadOnlySpan<byte> seed, string domain = "fedhealth/privacy/seeded-random")
    {
        ArgumentNullException.ThrowIfNull(domain);
        var label = System.Text.Encoding.UTF8.GetBytes(domain);
        var input = new byte[label.Length + 1 + seed.Length];
        label.CopyTo(input, 0);
        seed.CopyTo(input.AsSpan(label.Length + 1));
        var key = SHA256.HashData(input);
        _aes = Aes.Create();
        _aes.Key = key;
        CryptographicOperations.ZeroMemory(key);
        _position = _buffer.Length;
    }

    /// <summary>A generator for a numeric test seed.</summary>
    public static SeededRandomSource ForTest(long seed)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, seed);
        return new SeededRandomSource(bytes, "fedhealth/privacy/test");
    }

    public ulong NextUInt64()
    {
        if (_position > _buffer.Length - sizeof(ulong))
        {
            Refill();
        }

        var value = BinaryPrimitives.ReadUInt64LittleEndian(_buffer.AsSpan(_position));
        _position += sizeof(ulong);
        return value;
    }

    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position >= _buffer.Length)
            {
                Refill();
            }

            var n = Math.Min(destination.Length, _buffer.Length - _position);
            _buffer.AsSpan(_position, n).CopyTo(destination);
            destination = destination[n..];
            _position += n;
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _aes.Dispose();
    }

    private void Refill()
    {
        for (var i = 0; i < BlocksPerRefill; i++)
        {
            var block = _counterBlocks.AsSpan(16 * i, 16);
            BinaryPrimitives.WriteUInt64LittleEndian(block, _counter++);
            BinaryPrimitives.WriteUInt64LittleEndian(block[8..], 0);
        }

        _aes.EncryptEcb(_counterBlocks, _buffer, PaddingMode.None);
        _position = 0;
    }
}
