using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using FedHealth.Crypto.Kdf;

namespace FedHealth.Crypto.Prg;

/// <summary>
/// The pseudo-random generator of the protocol: the AES-256-CTR keystream (NIST SP 800-38A) under
/// a key derived with HKDF-SHA256 from a full 256-bit seed. Besides writing the keystream it can
/// add it to (or subtract it from) a vector of words modulo 2^32 or 2^64 in one pass, so that a
/// mask is applied without ever being materialised. An instance is immutable and thread-safe:
/// several threads may expand disjoint ranges of the same stream at once.
/// </summary>
public sealed class AesCtrPrg : IDisposable
{
    public const int KeySize = 32;
    public const int BlockSize = 16;

    private readonly Vector128<byte>[]? _roundKeys;
    private readonly byte[]? _key;
    private readonly UInt128 _initialCounter;

    /// <summary>A generator with the given AES-256 key and a zero initial counter.</summary>
    public AesCtrPrg(ReadOnlySpan<byte> key)
        : this(key, default, AesNiCtrKernel.IsSupported)
    {
    }

    /// <summary>A generator with the given AES-256 key and 16-byte initial counter block.</summary>
    public AesCtrPrg(ReadOnlySpan<byte> key, ReadOnlySpan<byte> initialCounter)
        : this(key, initialCounter, AesNiCtrKernel.IsSupported)
    {
    }

    internal AesCtrPrg(ReadOnlySpan<byte> key, ReadOnlySpan<byte> initialCounter, bool useAesNi)
    {
        if (key.Length != KeySize)
        {
            throw new CryptographicException($"AES-256-CTR takes a {KeySize}-byte key, not {key.Length}.");
        }

        if (!initialCounter.IsEmpty && initialCounter.Length != BlockSize)
        {
            throw new CryptographicException($"The initial counter block has {BlockSize} bytes, not {initialCounter.Length}.");
        }

        _initialCounter = initialCounter.IsEmpty ? UInt128.Zero : BinaryPrimitives.ReadUInt128BigEndian(initialCounter);
        if (useAesNi)
        {
            _roundKeys = Aes256KeySchedule.Expand(key);
        }
        else
        {
            _key = key.ToArray();
        }
    }

    /// <summary>True when the keystream comes from the AES-NI kernel.</summary>
    public static bool IsHardwareAccelerated => AesNiCtrKernel.IsSupported;

    /// <summary>Which implementation this machine uses, for reports.</summary>
    public static string Implementation =>
        AesNiCtrKernel.IsSupported ? "AES-NI, 8 blocks in flight" : "System.Security.Cryptography.Aes (ECB over counter blocks)";

    /// <summary>
    /// A generator keyed by HKDF-SHA256(<paramref name="seed"/>, <paramref name="salt"/>,
    /// <paramref name="info"/>): the whole seed counts, and the salt and info separate the streams
    /// of different sessions and purposes.
    /// </summary>
    public static AesCtrPrg FromSeed(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        Span<byte> key = stackalloc byte[KeySize];
        HkdfSha256.DeriveKey(seed, salt, info, key);
        try
        {
            return new AesCtrPrg(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Writes keystream bytes, starting at block <paramref name="firstBlock"/> of the stream.</summary>
    public void Generate(Span<byte> destination, long firstBlock = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstBlock);
        Apply<StoreSink>(ref MemoryMarshal.GetReference(destination), (nuint)destination.Length, firstBlock);
    }

    /// <summary>
    /// accumulator[i] += word(firstElement + i) mod 2^32, where word(j) is the j-th little-endian
    /// 32-bit word of the keystream. <paramref name="firstElement"/> must be a multiple of 4.
    /// </summary>
    public void AddTo(Span<uint> accumulator, long firstElement = 0) =>
        Apply<Add32Sink>(ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(accumulator)), (nuint)accumulator.Length * 4, FirstBlock(firstElement, 4));

    /// <summary>accumulator[i] -= word(firstElement + i) mod 2^32 (see <see cref="AddTo(Span{uint}, long)"/>).</summary>
    public void SubtractFrom(Span<uint> accumulator, long firstElement = 0) =>
        Apply<Subtract32Sink>(ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(accumulator)), (nuint)accumulator.Length * 4, FirstBlock(firstElement, 4));

    /// <summary>accumulator[i] += word64(firstElement + i) mod 2^64. <paramref name="firstElement"/> must be even.</summary>
    public void AddTo(Span<ulong> accumulator, long firstElement = 0) =>
        Apply<Add64Sink>(ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(accumulator)), (nuint)accumulator.Length * 8, FirstBlock(firstElement, 2));

    /// <summary>accumulator[i] -= word64(firstElement + i) mod 2^64. <paramref name="firstElement"/> must be even.</summary>
    public void SubtractFrom(Span<ulong> accumulator, long firstElement = 0) =>
        Apply<Subtract64Sink>(ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes(accumulator)), (nuint)accumulator.Length * 8, FirstBlock(firstElement, 2));

    public void Dispose()
    {
        if (_roundKeys is not null)
        {
            Array.Clear(_roundKeys);
        }

        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
        }
    }

    private static long FirstBlock(long firstElement, int elementsPerBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstElement);
        if (firstElement % elementsPerBlock != 0)
        {
            throw new ArgumentException(
                $"The first element must start a keystream block (a multiple of {elementsPerBlock}).", nameof(firstElement));
        }

        return firstElement / elementsPerBlock;
    }

    private void Apply<TSink>(ref byte destination, nuint length, long firstBlock)
        where TSink : struct, IKeystreamSink
    {
        var counter = _initialCounter + (UInt128)(ulong)firstBlock;
        var blocks = length / BlockSize;
        Run<TSink>(counter, ref destination, blocks);
        var tail = (int)(length % BlockSize);
        if (tail == 0)
        {
            return;
        }

        // A partial last block: apply the sink to a zero-padded copy and keep the tail bytes.
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear();
        ref var tailStart = ref Unsafe.Add(ref destination, blocks * BlockSize);
        MemoryMarshal.CreateReadOnlySpan(ref tailStart, tail).CopyTo(block);
        Run<TSink>(counter + (UInt128)(ulong)blocks, ref MemoryMarshal.GetReference(block), 1);
        block[..tail].CopyTo(MemoryMarshal.CreateSpan(ref tailStart, tail));
        CryptographicOperations.ZeroMemory(block);
    }

    private void Run<TSink>(UInt128 counter, ref byte destination, nuint blocks)
        where TSink : struct, IKeystreamSink
    {
        if (blocks == 0)
        {
            return;
        }

        if (_roundKeys is not null)
        {
            AesNiCtrKernel.Run<TSink>(_roundKeys, counter, ref destination, blocks);
        }
        else
        {
            PortableCtrKernel.Run<TSink>(_key!, counter, ref destination, blocks);
        }
    }
}
