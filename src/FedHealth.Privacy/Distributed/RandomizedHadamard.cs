using System.Numerics;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Distributed;

/// <summary>
/// The random rotation applied before quantization in distributed DP (Kairouz, Liu, Steinke 2021):
/// R = H·D/√n on the vector zero-padded to n = 2^k, where H is the Walsh–Hadamard matrix and D a
/// diagonal of random signs derived from a seed that all sites share for the round. R is orthonormal,
/// so norms (and the sensitivity) are preserved, and it spreads any vector's mass evenly over the
/// coordinates, which keeps the quantized sum far from the modular wrap-around.
/// </summary>
public sealed class RandomizedHadamard
{
    private readonly double[] _signs;

    /// <param name="dimension">The length of the unpadded vector.</param>
    /// <param name="sharedSeed">Round-specific seed shared by all sites (never reused across rounds).</param>
    public RandomizedHadamard(int dimension, ReadOnlySpan<byte> sharedSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (sharedSeed.Length < 16)
        {
            throw new ArgumentException("The shared seed needs at least 128 bits.", nameof(sharedSeed));
        }

        Dimension = dimension;
        PaddedDimension = checked((int)BitOperations.RoundUpToPowerOf2((uint)dimension));
        _signs = new double[PaddedDimension];
        using var random = new SeededRandomSource(sharedSeed, "fedhealth/privacy/hadamard-signs");
        ulong word = 0;
        for (var i = 0; i < PaddedDimension; i++)
        {
            if ((i & 63) == 0)
            {
                word = random.NextUInt64();
            }

            _signs[i] = ((word >> (i & 63)) & 1) == 1 ? -1.0 : 1.0;
        }
    }

    public int Dimension { get; }

    /// <summary>The next power of two ≥ <see cref="Dimension"/>: the length of rotated vectors.</summary>
    public int PaddedDimension { get; }

    /// <summary>R·x: pads, flips signs, transforms; returns a vector of <see cref="PaddedDimension"/> values.</summary>
    public double[] Rotate(ReadOnlySpan<float> values)
    {
        var result = new double[PaddedDimension];
        Rotate(values, result);
        return result;
    }

    public void Rotate(ReadOnlySpan<float> values, Span<double> destination)
    {
        if (values.Length != Dimension || destination.Length != PaddedDimension)
        {
            throw new ArgumentException($"Need {Dimension} values in and {PaddedDimension} out.", nameof(values));
        }

        for (var i = 0; i < Dimension; i++)
        {
            destination[i] = values[i] * _signs[i];
        }

        destination[Dimension..].Clear();
        Transform(destination);
    }

    /// <summary>Rᵀ·y = D·H·y/√n, dropping the padding: the inverse of <see cref="Rotate(ReadOnlySpan{float})"/>.</summary>
    public float[] InverseRotate(ReadOnlySpan<double> rotated)
    {
        if (rotated.Length != PaddedDimension)
        {
            throw new ArgumentException($"Need {PaddedDimension} values.", nameof(rotated));
        }

        var work = rotated.ToArray();
        Transform(work);
        var result = new float[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            result[i] = (float)(work[i] * _signs[i]);
        }

        return result;
    }

    /// <summary>In-place orthonormal Walsh–Hadamard transform H/√n (its own inverse).</summary>
    internal static void Transform(Span<double> data)
    {
        var n = data.Length;
        if (!BitOperations.IsPow2(n))
        {
            throw new ArgumentException("The length must be a power of two.", nameof(data));
        }

        var width = Vector<double>.Count;
        for (var h = 1; h < n; h <<= 1)
        {
            for (var i = 0; i < n; i += h << 1)
            {
                var j = i;
                if (h >= width)
                {
                    for (; j + width <= i + h; j += width)
                    {
                        var a = new Vector<double>(data.Slice(j, width));
                        var b = new Vector<double>(data.Slice(j + h, width));
                        (a + b).CopyTo(data.Slice(j, width));
                        (a - b).CopyTo(data.Slice(j + h, width));
                    }
                }

                for (; j < i + h; j++)
                {
                    var a = data[j];
                    var b = data[j + h];
                    data[j] = a + b;
                    data[j + h] = a - b;
                }
            }
        }

        var scale = 1 / Math.Sqrt(n);
        for (var i = 0; i < n; i++)
        {
            data[i] *= scale;
        }
    }
}
