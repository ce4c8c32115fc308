namespace FedHealth.Training.Data.Fhir.Rest;

/// <summary>
/// A FHIR R4 server to read a site's patients from with paged searches: its base URL, the
/// Authorization header value (e.g. "Bearer …", from the hospital's configuration; never logged or
/// shown), the page size asked for with _count, the timeout of one request and how often a
/// transient failure (connection error, timeout, 429, 502, 503, 504) is retried.
/// </summary>
public sealed record FhirServer(Uri BaseUrl)
{
    public string? Authorization { get; init; }

    public int PageSize { get; init; } = 200;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public int Retries { get; init; } = 3;

    /// <summary>The first retry waits this long, each further one twice as long (a Retry-After up to 30 s is honoured instead).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A search that needs more pages than this is refused (a server that links a page to itself).</summary>
    public int MaxPages { get; init; } = 100_000;
}
