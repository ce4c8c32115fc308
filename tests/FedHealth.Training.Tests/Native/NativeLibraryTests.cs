using TorchSharp;

namespace FedHealth.Training.Tests.Native;

public sealed class NativeLibraryTests
{
    [Fact]
    public void Libtorch_loads_and_multiplies_two_matrices()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var b = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);

        var product = torch.matmul(a, b).data<float>().ToArray();

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product);
    }
}
