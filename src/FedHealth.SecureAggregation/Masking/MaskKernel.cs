using System.Numerics;
using System.Runtime.InteropServices;

namespace FedHealth.SecureAggregation.Masking;

/// <summary>
/// The arithmetic every masking scheme must do, done once: adding vectors modulo 2^32 or 2^64,
/// and applying many PRG masks to one vector. The masks are expanded fused with the accumulation,
/// one cache-sized chunk of the vector at a time (every mask is applied to a chunk while it sits in
/// L1), so no mask is ever materialised; chunks are spread over cores. The benchmark measures its
/// floor with these same routines, so the server-to-floor ratio compares like with like.
/// </summary>
public static class MaskKernel
{
    /// <summary>Elements per chunk: 32 KiB of 32-bit words, a multiple of a keystream block.</summary>
    public const int ChunkElements = 8192;

    /// <summary>Applies every mask to <paramref name="accumulator"/> on the calling thread, chunk by chunk.</summary>
    public static void Apply(Span<uint> accumulator, IReadOnlyList<MaskTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        for (var start = 0; start < accumulator.Length; start += ChunkElements)
        {
            var chunk = accumulator.Slice(start, Math.Min(ChunkElements, accumulator.Length - start));
            foreach (var term in terms)
            {
                if (term.Subtract)
                {
                    term.Generator.SubtractFrom(chunk, start);
                }
                else
                {
                    term.Generator.AddTo(chunk, start);
                }
            }
        }
    }

    /// <summary>Applies every mask to <paramref name="accumulator"/> on the calling thread, chunk by chunk.</summary>
    public static void Apply(Span<ulong> accumulator, IReadOnlyList<MaskTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        const int chunkElements = ChunkElements / 2;
        for (var start = 0; start < accumulator.Length; start += chunkElements)
        {
            var chunk = accumulator.Slice(start, Math.Min(chunkElements, accumulator.Length - start));
            foreach (var term in terms)
            {
                if (term.Subtract)
                {
                    term.Generator.SubtractFrom(chunk, start);
                }
                else
                {
                    term.Generator.AddTo(chunk, start);
                }
            }
        }
    }

    /// <summary>Applies every mask to <paramref name="accumulator"/>, chunks spread over up to <paramref name="maxDegreeOfParallelism"/> cores.</summary>
    public static void Apply(uint[] accumulator, IReadOnlyList<MaskTerm> terms, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(terms);
        ForEachChunk(accumulator.Length, ChunkElements, maxDegreeOfParallelism, (start, length) =>
        {
            var chunk = accumulator.AsSpan(start, length);
            foreach (var term in terms)
            {
                if (term.Subtract)
                {
                    term.Generator.SubtractFrom(chunk, start);
                }
                else
                {
                    term.Generator.AddTo(chunk, start);
                }
            }
        });
    }

    /// <summary>Applies every mask to <paramref name="accumulator"/>, chunks spread over up to <paramref name="maxDegreeOfParallelism"/> cores.</summary>
    public static void Apply(ulong[] accumulator, IReadOnlyList<MaskTerm> terms, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(terms);
        ForEachChunk(accumulator.Length, ChunkElements / 2, maxDegreeOfParallelism, (start, length) =>
        {
            var chunk = accumulator.AsSpan(start, length);
            foreach (var term in terms)
            {
                if (term.Subtract)
                {
                    term.Generator.SubtractFrom(chunk, start);
                }
                else
                {
                    term.Generator.AddTo(chunk, start);
                }
            }
        });
    }

    /// <summary>accumulator += the little-endian 32-bit words in <paramref name="words"/>, modulo 2^32.</summary>
    public static void Add(uint[] accumulator, byte[] words, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length != accumulator.Length * sizeof(uint))
        {
            throw new ArgumentException($"Expected {accumulator.Length * sizeof(uint)} bytes, got {words.Length}.", nameof(words));
        }

        ForEachChunk(accumulator.Length, ChunkElements * 8, maxDegreeOfParallelism, (start, length) =>
            AddWords(accumulator.AsSpan(start, length), words.AsSpan(start * sizeof(uint), length * sizeof(uint))));
    }

    /// <summary>accumulator += the little-endian 64-bit words in <paramref name="words"/>, modulo 2^64.</summary>
    public static void Add(ulong[] accumulator, byte[] words, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length != accumulator.Length * sizeof(ulong))
        {
            throw new ArgumentException($"Expected {accumulator.Length * sizeof(ulong)} bytes, got {words.Length}.", nameof(words));
        }

        ForEachChunk(accumulator.Length, ChunkElements * 4, maxDegreeOfParallelism, (start, length) =>
            AddWords(accumulator.AsSpan(start, length), words.AsSpan(start * sizeof(ulong), length * sizeof(ulong))));
    }

    /// <summary>Keeps the low <paramref name="bits"/> bits of every element.</summary>
    public static void Reduce(Span<uint> values, int bits)
    {
        if (bits >= 32)
        {
            return;
        }

        var mask = (1u << bits) - 1;
        foreach (ref var v in values)
        {
            v &= mask;
        }
    }

    /// <summary>Keeps the low <paramref name="bits"/> bits of every element.</summary>
    public static void Reduce(Span<ulong> values, int bits)
    {
        if (bits >= 64)
        {
            return;
        }

        var mask = (1UL << bits) - 1;
        foreach (ref var v in values)
        {
            v &= mask;
        }
    }

    private static void AddWords<T>(Span<T> accumulator, ReadOnlySpan<byte> bytes)
        where T : unmanaged, IBinaryInteger<T>
    {
        var words = MemoryMarshal.Cast<byte, T>(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < accumulator.Length; i++)
            {
                accumulator[i] += ReverseEndianness(words[i]);
            }

            return;
        }

        var i0 = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = MemoryMarshal.Cast<T, Vector<T>>(accumulator);
            var add = MemoryMarshal.Cast<T, Vector<T>>(words);
            for (var v = 0; v < acc.Length; v++)
            {
                acc[v] += add[v];
            }

            i0 = acc.Length * Vector<T>.Count;
        }

        for (var i = i0; i < accumulator.Length; i++)
        {
            accumulator[i] += words[i];
        }
    }

    private static T ReverseEndianness<T>(T value)
        where T : unmanaged, IBinaryInteger<T> =>
        value switch
        {
            uint u => (T)(object)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(u),
            ulong u => (T)(object)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(u),
            _ => throw new NotSupportedException(),
        };

    private static void ForEachChunk(int length, int chunk, int maxDegreeOfParallelism, Action<int, int> body)
    {
        var chunks = (length + chunk - 1) / chunk;
        if (maxDegreeOfParallelism <= 1 || chunks <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                var start = c * chunk;
                body(start, Math.Min(chunk, length - start));
            }

            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            var start = c * chunk;
            body(start, Math.Min(chunk, length - start));
        });
    }
}
