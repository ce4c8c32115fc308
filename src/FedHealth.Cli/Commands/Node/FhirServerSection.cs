namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// <c>Node:Data:Server</c>: a FHIR R4 server to read this site's patients from by paged search
/// (instead of <c>Node:Data:Path</c>). The Authorization header's value is read from the
/// environment variable named by <see cref="AuthorizationVariable"/>, never from the file.
/// </summary>
internal sealed class FhirServerSection
{
    public string? Url { get; set; }

    /// <summary>The environment variable holding the whole Authorization header value (e.g. "Bearer …"); none for an open server.</summary>
    public string? AuthorizationVariable { get; set; }

    public int PageSize { get; set; } = 200;

    public double TimeoutSeconds { get; set; } = 60;

    public int Retries { get; set; } = 3;
}
