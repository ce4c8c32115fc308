namespace FedHealth.Pki.Issuance;

/// <summary>When a certificate is valid, to the second (X.509 keeps no finer time).</summary>
public readonly record struct ValidityWindow
{
    /// <summary>How far a new certificate is back-dated, so a peer whose clock is a little behind still accepts it.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public ValidityWindow(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        NotBefore = Truncate(notBefore);
        NotAfter = Truncate(notAfter);
        if (NotAfter <= NotBefore)
        {
            throw new PkiException($"A certificate must end after it starts; {NotAfter:O} is not after {NotBefore:O}.");
        }
    }

    public DateTimeOffset NotBefore { get; }

    public DateTimeOffset NotAfter { get; }

    /// <summary>From a little before <paramref name="now"/> for <paramref name="days"/> days.</summary>
    public static ValidityWindow ForDays(DateTimeOffset now, int days)
    {
        if (days < 1)
        {
            throw new PkiException($"A certificate must be valid for at least one day, not {days}.");
        }

        return new ValidityWindow(now - ClockSkew, now.AddDays(days));
    }

    public bool Contains(ValidityWindow inner) => NotBefore <= inner.NotBefore && inner.NotAfter <= NotAfter;

    private static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
