using System.Security.Cryptography;
using FedHealth.Crypto.SecretSharing;

namespace FedHealth.Crypto.Tests.SecretSharing;

public sealed class ShamirSecretSharingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(7, 12)]
    [InlineData(51, 99)]
    public void Any_t_shares_reconstruct_the_secret(int threshold, int count)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var indices = Enumerable.Range(0, count).Select(i => (i * 37) + 5).ToArray();
        var shares = ShamirSecretSharing.Split(secret, threshold, indices);
        var random = new Random(threshold * 1000 + count);

        for (var trial = 0; trial < 20; trial++)
        {
            var subset = shares.OrderBy(_ => random.Next()).Take(threshold).ToList();

            Assert.Equal(secret, ShamirSecretSharing.Combine(subset, threshold, secret.Length));
        }
    }

    [Fact]
    public void More_than_t_shares_also_reconstruct()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = ShamirSecretSharing.Split(secret, 3, [1, 2, 3, 4, 5]);

        Assert.Equal(secret, ShamirSecretSharing.Combine(shares, 3, 32));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(33)]
    public void Secrets_of_any_length_reconstruct_including_all_zero_and_all_ones(int length)
    {
        foreach (var secret in new[] { new byte[length], Enumerable.Repeat((byte)0xFF, length).ToArray(), RandomNumberGenerator.GetBytes(length) })
        {
            var shares = ShamirSecretSharing.Split(secret, 2, [1, 2, 3]);

            Assert.All(shares, s => Assert.Equal(ShamirSecretSharing.ShareSize(length), s.Value.Length));
            Assert.Equal(secret, ShamirSecretSharing.Combine([shares[2], shares[0]], 2, length));
        }
    }

    [Fact]
    public void t_minus_1_shares_are_consistent_with_every_possible_secret()
    {
        // The perfect-secrecy argument, checked: whatever secret one guesses, there is exactly one
        // polynomial of degree t − 1 through (0, guess) and the t − 1 observed shares, so the shares
        // cannot rule any guess out.
        const int t = 4;
        var shares = ShamirSecretSharing.Split(RandomNumberGenerator.GetBytes(7), t, [3, 9, 11, 20, 21]);
        var observed = shares.Take(t - 1).ToArray();

        foreach (var guess in new[] { new byte[7], Enumerable.Repeat((byte)0xFF, 7).ToArray(), RandomNumberGenerator.GetBytes(7) })
        {
            // The value a guessed polynomial takes at another index, by Lagrange through the t points.
            var points = observed.Select(s => (x: (ulong)s.Index, y: ReadElement(s.Value))).Append((x: 0UL, y: ReadSecret(guess))).ToArray();
            var fifth = Evaluate(points, (ulong)shares[4].Index);
            var completed = observed.Append(new ShamirShare(shares[4].Index, ToBytes(fifth))).ToArray();

            Assert.Equal(guess, ShamirSecretSharing.Combine(completed, t, 7));
        }
    }

    [Fact]
    public void A_single_share_of_a_2_of_n_sharing_is_uniform_whatever_the_secret()
    {
        // Chi-square over 64 bins of the top bits of one share, for an all-zero and an all-ones secret.
        foreach (var secret in new[] { new byte[7], Enumerable.Repeat((byte)0xFF, 7).ToArray() })
        {
            var bins = new int[64];
            const int samples = 20000;
            for (var i = 0; i < samples; i++)
            {
                var share = ShamirSecretSharing.Split(secret, 2, [1, 2])[0];
                bins[(int)(ReadElement(share.Value) >> 55)]++;
            }

            var expected = samples / 64.0;
            var chi2 = bins.Sum(b => (b - expected) * (b - expected) / expected);
            Assert.True(chi2 < 130, $"chi-square {chi2:F1} with 63 degrees of freedom");
        }
    }

    [Fact]
    public void Fewer_than_t_shares_are_refused()
    {
        var shares = ShamirSecretSharing.Split(new byte[32], 3, [1, 2, 3]);

        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Combine(shares.Take(2).ToList(), 3, 32));
    }

    [Fact]
    public void Zero_negative_and_duplicate_indices_are_refused()
    {
        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Split(new byte[32], 2, [0, 1]));
        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Split(new byte[32], 2, [-1, 1]));
        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Split(new byte[32], 2, [4, 4]));
        var shares = ShamirSecretSharing.Split(new byte[32], 2, [1, 2]);
        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Combine([shares[0], shares[0]], 2, 32));
    }

    [Fact]
    public void A_threshold_above_the_number_of_shares_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ShamirSecretSharing.Split(new byte[32], 4, [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShamirSecretSharing.Split(new byte[32], 0, [1, 2, 3]));
    }

    [Fact]
    public void Malformed_shares_are_refused()
    {
        var shares = ShamirSecretSharing.Split(new byte[32], 2, [1, 2]);
        var shortShare = shares[0] with { Value = shares[0].Value[..^1] };
        var outOfField = shares[0] with { Value = Enumerable.Repeat((byte)0xFF, shares[0].Value.Length).ToArray() };

        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Combine([shortShare, shares[1]], 2, 32));
        Assert.Throws<CryptographicException>(() => ShamirSecretSharing.Combine([outOfField, shares[1]], 2, 32));
    }

    [Fact]
    public void Shares_of_the_same_secret_differ_between_sharings()
    {
        var secret = new byte[32];

        Assert.NotEqual(ShamirSecretSharing.Split(secret, 2, [1, 2])[0].Value, ShamirSecretSharing.Split(secret, 2, [1, 2])[0].Value);
    }

    [Fact]
    public void Precomputed_Lagrange_weights_reconstruct_like_Combine()
    {
        var a = RandomNumberGenerator.GetBytes(32);
        var b = RandomNumberGenerator.GetBytes(32);
        int[] indices = [4, 8, 15, 16];
        var weights = ShamirSecretSharing.LagrangeWeightsAtZero(indices);

        Assert.Equal(a, ShamirSecretSharing.Combine(ShamirSecretSharing.Split(a, 4, indices), weights, 32));
        Assert.Equal(b, ShamirSecretSharing.Combine(ShamirSecretSharing.Split(b, 4, indices), weights, 32));
    }

    [Fact]
    public void The_field_modulus_is_the_Mersenne_prime_2_to_the_61_minus_1()
    {
        var p = (System.Numerics.BigInteger.One << 61) - 1;
        Assert.Equal(Mersenne61.P, (ulong)p);
        foreach (var a in new[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 })
        {
            Assert.Equal(System.Numerics.BigInteger.One, System.Numerics.BigInteger.ModPow(a, p - 1, p));
        }

        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var x = (ulong)random.NextInt64(1, (long)Mersenne61.P);
            var y = (ulong)random.NextInt64(0, (long)Mersenne61.P);
            Assert.Equal((ulong)((System.Numerics.BigInteger)x * y % p), Mersenne61.Multiply(x, y));
            Assert.Equal(1UL, Mersenne61.Multiply(x, Mersenne61.Inverse(x)));
            Assert.Equal((ulong)(((System.Numerics.BigInteger)x - y + p) % p), Mersenne61.Subtract(x, y));
        }
    }

    private static ulong ReadElement(byte[] share) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(share);

    private static ulong ReadSecret(byte[] secret) => secret.Aggregate(0UL, (acc, b) => (acc << 8) | b);

    private static byte[] ToBytes(ulong value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static ulong Evaluate((ulong x, ulong y)[] points, ulong at)
    {
        var sum = 0UL;
        for (var i = 0; i < points.Length; i++)
        {
            var term = points[i].y;
            for (var j = 0; j < points.Length; j++)
            {
                if (j != i)
                {
                    var num = Mersenne61.Subtract(at, points[j].x);
                    var den = Mersenne61.Subtract(points[i].x, points[j].x);
                    term = Mersenne61.Multiply(term, Mersenne61.Multiply(num, Mersenne61.Inverse(den)));
                }
            }

            sum = Mersenne61.Add(sum, term);
        }

        return sum;
    }
}
