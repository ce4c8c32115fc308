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

    /// <summary>The number of weights (dense layers with bias, one output logit): the length of the flat weight vector.</summary>
    [IgnoreMember]
    public int ParameterCount
    {
        get
        {
            var total = 0;
            var width = InputFeatures;
            foreach (var hidden in Kind == ModelKind.Mlp ? HiddenLayers : [])
            {
                total = checked(total + (width * hidden) + hidden);
                width = hidden;
            }

            return checked(total + width + 1);
        }
    }

    public bool Equals(ModelSpec? other) =>
        other is not null && Kind == other.Kind && InputFeatures == other.InputFeatures &&
        HiddenLayers.SequenceEqual(other.HiddenLayers);

    public override int GetHashCode() => HashCode.Combine(Kind, InputFeatures, HiddenLayers.Count);
}
