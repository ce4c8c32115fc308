namespace FedHealth.Transfer.Tests.Support;

internal static class Blobs
{
    public const int Chunk = 1 << 20;

    /// <summary>Reproducible pseudo-random bytes: a float32 weight vector is as incompressible as this.</summary>
    public static byte[] Random(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
