using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FedHealth.Core.Weights;

/// <summary>
/// Named float32 tensors stored back to back in one flat buffer, so that aggregation, clipping,
/// quantization and the wire format work on a single span without copies.
/// The buffer is owned by this instance and never mutated after construction.
/// </summary>
public sealed class ModelWeights : IEquatable<ModelWeights>
{
    private readonly float[] _values;
    private readonly int[] _offsets;

    public ModelWeights(IEnumerable<TensorSpec> specs, float[] values)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(values);
        Specs = specs.ToImmutableArray();
        _offsets = new int[Specs.Length];
        var offset = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Specs.Length; i++)
        {
            if (!names.Add(Specs[i].Name))
            {
                throw new ArgumentException($"Duplicate tensor name '{Specs[i].Name}'.", nameof(specs));
            }

            _offsets[i] = offset;
            offset = checked(offset + Specs[i].ElementCount);
        }

        if (offset != values.Length)
        {
            throw new ArgumentException(
                $"The tensor shapes hold {offset} values but {values.Length} were given.", nameof(values));
        }

        _values = values;
    }

    public ImmutableArray<TensorSpec> Specs { get; }

    /// <summary>Total number of scalar parameters.</summary>
    public int Length => _values.Length;

    /// <summary>All parameters as one read-only flat vector, in <see cref="Specs"/> order.</summary>
    public ReadOnlySpan<float> Flat => _values;

    public ReadOnlyMemory<float> FlatMemory => _values;

    /// <summary>The values of one tensor, without copying.</summary>
    public ReadOnlySpan<float> Tensor(string name)
    {
        for (var i = 0; i < Specs.Length; i++)
        {
            if (Specs[i].Name == name)
            {
                return _values.AsSpan(_offsets[i], Specs[i].ElementCount);
            }
        }

        throw new KeyNotFoundException($"No tensor named '{name}'.");
    }

    /// <summary>A new instance with the same layout and the given values (copied).</summary>
    public ModelWeights WithValues(ReadOnlySpan<float> values) => new(Specs, values.ToArray());

    /// <summary>True when <paramref name="other"/> has the same tensor names and shapes.</summary>
    public bool HasSameLayout(ModelWeights other) =>
        other is not null && Specs.SequenceEqual(other.Specs);

    /// <summary>SHA-256 over the layout and the little-endian bytes of the values (hex).</summary>
    public string ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var spec in Specs)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(spec.ToString()));
        }

        sha.AppendData(MemoryMarshal.AsBytes(_values.AsSpan()));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static ModelWeights Zeros(IEnumerable<TensorSpec> specs)
    {
        var list = specs.ToImmutableArray();
        return new ModelWeights(list, new float[list.Sum(s => s.ElementCount)]);
    }

    public bool Equals(ModelWeights? other) =>
        other is not null && HasSameLayout(other) && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as ModelWeights);

    public override int GetHashCode() => HashCode.Combine(Specs.Length, _values.Length);

    public override string ToString() => $"ModelWeights({string.Join(", ", Specs)})";
}
