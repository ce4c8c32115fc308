namespace FedHealth.Transfer.Tls;

/// <summary>The slowest a connection may be: after <paramref name="Grace"/>, at least <paramref name="MinBytesPerSecond"/> on average since it started.</summary>
internal sealed record RateFloor(long MinBytesPerSecond, TimeSpan Grace)
{
    /// <summary>Whether <paramref name="bytes"/> moved in <paramref name="elapsed"/> is below the floor (never within the grace period).</summary>
    public bool TooSlow(long bytes, TimeSpan elapsed) =>
        MinBytesPerSecond > 0 && elapsed > Grace && bytes < MinBytesPerSecond * elapsed.TotalSeconds;
}
