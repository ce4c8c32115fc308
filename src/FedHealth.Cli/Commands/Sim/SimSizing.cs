using System.Globalization;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// How many sites one process can simulate: at least 1, at most the protocol's 10,000 sites per
/// study, and no more than the memory this process may use. Above a few hundred the run is long
/// (each secure round's setup grows with the square of the sites), which is said before it starts.
/// </summary>
internal static class SimSizing
{
    public const int MaxSites = 10_000;

    /// <summary>Sites above which the run is announced as long.</summary>
    public const int LongRunSites = 200;

    /// <summary>Measured peak working set of `sim` (synthetic, 1 round): 264 MiB with 20 sites, 289 MiB with 80; rounded up.</summary>
    public const long BaseBytes = 300L << 20;

    /// <summary>Measured 0.44 MiB per added site, rounded up to 1 MiB.</summary>
    public const long BytesPerSite = 1L << 20;

    public static long EstimatedBytes(int sites) => BaseBytes + (sites * BytesPerSite);

    /// <summary>Null when the size is fine; a warning when it is long; throws when it cannot run.</summary>
    /// <exception cref="Console.UserInputException">Fewer than 1 site, more than the protocol allows, or more than the memory available.</exception>
    public static string? Check(int sites, long availableBytes)
    {
        if (sites < 1)
        {
            throw new Console.UserInputException($"--sites must be at least 1, not {sites}.");
        }

        if (sites > MaxSites)
        {
            throw new Console.UserInputException(
                $"--sites {sites} is more than a study may have ({MaxSites:N0} sites, the protocol's limit); one process would need about {MiB(EstimatedBytes(sites))}.");
        }

        var needed = EstimatedBytes(sites);
        if (needed > availableBytes)
        {
            throw new Console.UserInputException(
                $"--sites {sites} would need about {MiB(needed)} in this process, more than the {MiB(availableBytes)} available; simulate fewer sites.");
        }

        return sites > LongRunSites
            ? $"{sites} simulated sites in one process: about {MiB(needed)}, and each secure round's setup grows with the square of the sites, so expect a long run."
            : null;
    }

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20:N0} MiB");
}
