namespace FedHealth.Privacy.Sampling;

/// <summary>
/// Uniform random bits from a cryptographically secure generator. Every sampler in this project
/// draws through this interface, never from <see cref="System.Random"/>. Implementations are not
/// thread-safe: give each thread (each site, each round) its own instance.
/// </summary>
public interface IRandomSource
{
    /// <summary>64 uniform random bits.</summary>
    ulong NextUInt64();

    /// <summary>Fills <paramref name="destination"/> with uniform random bytes.</summary>
    void Fill(Span<byte> destination);
}
