using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>The architecture every site builds locally; the weights layout follows from it.</summary>
[MessagePackObject]
public sealed record ModelSpec(
    [property: Key(0)] ModelKind Kind,
    [property: Key(1)] int InputFeatures,
    [property: Key(2)] IReadOnlyList<int> HiddenLayers)
{
    public static ModelSpec LogisticRegression(int inputFeatures) => new(ModelKind.LogisticRegression, inputFeatures, []);

    public static ModelSpec Mlp(int inputFeatures, params int[] hidden) => new(ModelKind.Mlp, inputFeatures, hidden);

    public bool Equals(ModelSpec? other) =>
        other is not null && Kind == other.Kind && InputFeatures == other.InputFeatures &&
        HiddenLayers.SequenceEqual(other.HiddenLayers);

    public override int GetHashCode() => HashCode.Combine(Kind, InputFeatures, HiddenLayers.Count);
}
