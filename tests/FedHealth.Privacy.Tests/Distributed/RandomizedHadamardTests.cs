using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Distributed;

public sealed class RandomizedHadamardTests
{
    private static readonly byte[] Seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(70_000)]
    public void The_rotation_is_orthonormal_and_its_inverse_is_exact(int dimension)
    {
        using var random = SeededRandomSource.ForTest(dimension);
        var gaussian = new GaussianSampler(random);
        var x = Enumerable.Range(0, dimension).Select(_ => (float)gaussian.Next()).ToArray();
        var rotation = new RandomizedHadamard(dimension, Seed);

        var y = rotation.Rotate(x);
        var back = rotation.InverseRotate(y);

        Assert.Equal(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)dimension), (uint)y.Length);
        var normX = L2Clipping.Norm(x);
        var normY = Math.Sqrt(y.Sum(v => v * v));
        Assert.Equal(normX, normY, normX * 1e-12);
        for (var i = 0; i < dimension; i++)
        {
            Assert.Equal(x[i], back[i], 1e-5f);
        }
    }

    [Fact]
    public void The_transform_is_the_normalised_walsh_hadamard_matrix()
    {
        var data = new double[] { 1, 0, 0, 0 };
        RandomizedHadamard.Transform(data);
        Assert.Equal(new[] { 0.5, 0.5, 0.5, 0.5 }, data);

        data = [0, 1, 0, 0];
        RandomizedHadamard.Transform(data);
        Assert.Equal(new[] { 0.5, -0.5, 0.5, -0.5 }, data);
    }

    [Fact]
    public void Sites_sharing_a_seed_rotate_alike_and_rotation_is_linear()
    {
        var a = new RandomizedHadamard(100, Seed);
        var b = new RandomizedHadamard(100, Seed);
        var c = new RandomizedHadamard(100, Seed.Select(x => (byte)(x + 1)).ToArray());
        var x = Enumerable.Range(0, 100).Select(i => (float)Math.Sin(i)).ToArray();
        var z = Enumerable.Range(0, 100).Select(i => (float)Math.Cos(i)).ToArray();

        Assert.Equal(a.Rotate(x), b.Rotate(x));
        Assert.NotEqual(a.Rotate(x), c.Rotate(x));
        var sum = a.Rotate(x).Zip(a.Rotate(z), (p, q) => p + q).ToArray();
        var ofSum = a.Rotate(x.Zip(z, (p, q) => p + q).ToArray());
        for (var i = 0; i < sum.Length; i++)
        {
            Assert.Equal(sum[i], ofSum[i], 1e-6);
        }
    }

    [Fact]
    public void The_rotation_flattens_a_spiky_vector()
    {
        var x = new float[4096];
        x[17] = 1;
        var y = new RandomizedHadamard(x.Length, Seed).Rotate(x);

        Assert.All(y, v => Assert.Equal(1 / 64.0, Math.Abs(v), 12));
    }
}
