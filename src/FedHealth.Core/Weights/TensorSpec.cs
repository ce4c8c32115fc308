using System.Collections.Immutable;

namespace FedHealth.Core.Weights;

/// <summary>Name and shape of one tensor inside <see cref="ModelWeights"/>.</summary>
public sealed record TensorSpec(string Name, ImmutableArray<int> Shape)
{
    public int ElementCount
    {
        get
        {
            var n = 1;
            foreach (var d in Shape)
            {
                n = checked(n * d);
            }

            return n;
        }
    }

    public bool Equals(TensorSpec? other) =>
        other is not null && Name == other.Name && Shape.SequenceEqual(other.Shape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var d in Shape)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"{Name}[{string.Join(',', Shape)}]";
}
