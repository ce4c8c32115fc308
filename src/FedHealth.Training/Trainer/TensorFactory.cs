using static TorchSharp.torch;

namespace FedHealth.Training.Trainer;

/// <summary>
/// Tensors filled from managed memory by one span copy into storage libtorch owns, so no managed
/// array stays pinned or shared with a tensor.
/// </summary>
internal static class TensorFactory
{
    public static Tensor Float32(ReadOnlySpan<float> values, params long[] shape)
    {
        var tensor = empty(shape, ScalarType.Float32);
        using var accessor = tensor.data<float>();
        accessor.CopyFrom(values);
        return tensor;
    }

    public static Tensor Float64(ReadOnlySpan<double> values, params long[] shape)
    {
        var tensor = empty(shape, ScalarType.Float64);
        using var accessor = tensor.data<double>();
        accessor.CopyFrom(values);
        return tensor;
    }

    public static Tensor Int64(ReadOnlySpan<long> values)
    {
        var tensor = empty([values.Length], ScalarType.Int64);
        using var accessor = tensor.data<long>();
        accessor.CopyFrom(values);
        return tensor;
    }

    /// <summary>Labels as a float32 column, the target shape of BCE-with-logits for [n, 1] logits.</summary>
    public static Tensor LabelColumn(ReadOnlySpan<int> labels)
    {
        var values = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            values[i] = labels[i];
        }

        return Float32(values, labels.Length, 1);
    }

    public static float[] ToArray(Tensor tensor)
    {
        if (!tensor.is_contiguous())
        {
            throw new ArgumentException("Only contiguous tensors are copied out.", nameof(tensor));
        }

        var values = new float[tensor.numel()];
        using var accessor = tensor.data<float>();
        accessor.CopyTo(values);
        return values;
    }
}
