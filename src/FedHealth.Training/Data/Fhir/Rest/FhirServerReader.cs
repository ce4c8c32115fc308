using System.Net;
using FedHealth.Training.Data.Contracts;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;

namespace FedHealth.Training.Data.Fhir.Rest;

/// <summary>
/// Reads one site's patients from a FHIR R4 server with the Firely SDK's <see cref="FhirClient"/>:
/// a paged search per resource type the mapping needs (Patient; Observation, Condition and
/// medications filtered by the mapping's codes), following each page's next link on the same
/// server only, then the same mapping as for files. See docs/data.md.
/// </summary>
public static class FhirServerReader
{
    /// <param name="strict">As for files: refuse unconvertible units and features with no value (training), or only count them (<c>data check</c>).</param>
    /// <exception cref="DataValidationException">A bad base URL, an unreachable server, an error status, a non-R4 server or resource, a next link to another server, or what the mapping refuses; each names the server and the search.</exception>
    public static async Task<SourceReadResult> ReadAsync(FhirServer server, FhirMapping mapping, bool strict = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(mapping);
        var name = Check(server);
        mapping.Validate(name);
        using var handler = new RetryingHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, server.Retries, server.Timeout, server.RetryDelay);
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (server.Authorization is { Length: > 0 } authorization)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var settings = new FhirClientSettings { PreferredFormat = ResourceFormat.Json, VerifyFhirVersion = true };
        using var client = new FhirClient(server.BaseUrl, http, settings);
        var resources = new List<SourcedResource>();
        foreach (var search in FhirSearch.For(mapping))
        {
            try
            {
                await PageAsync(client, server, name, search, resources, cancellationToken).ConfigureAwait(false);
            }
            catch (FhirOperationException ex)
            {
                var hint = ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check the server's credentials in the node's configuration)" : string.Empty;
                throw new DataValidationException($"The FHIR server answered {(int)ex.Status} {ex.Status} to the {search.ResourceType} search{hint}.", name);
            }
            catch (HttpRequestException ex)
            {
                throw new DataValidationException($"Cannot reach the FHIR server for the {search.ResourceType} search: {ex.Message}", name);
            }
            catch (DeserializationFailedException ex)
            {
                throw new DataValidationException($"The {search.ResourceType} search answered with resources that are not valid FHIR R4: {FhirResourceFiles.Issues(ex)}", name);
            }
            catch (NotSupportedException ex)
            {
                throw new DataValidationException($"The server is not a FHIR R4 server: {ex.Message}", name);
            }
        }

        return FhirDatasetReader.Read(name, resources, mapping, strict);
    }

    private static async System.Threading.Tasks.Task PageAsync(
        FhirClient client, FhirServer server, string name, FhirSearch search, List<SourcedResource> resources, CancellationToken cancellationToken)
    {
        var query = new SearchParams().LimitTo(server.PageSize);
        if (search.Codes.Count > 0)
        {
            query.Add("code", search.CodeParameter);
        }

        var page = await client.SearchAsync(query, search.ResourceType, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; page is not null; number++)
        {
            var where = $"{search.ResourceType} search, page {number}";
            foreach (var entry in page.Entry)
            {
                if (entry.Resource is { } resource && resource.TypeName == search.ResourceType && entry.Search?.Mode is null or Bundle.SearchEntryMode.Match)
                {
                    resources.Add(new SourcedResource($"{name} ({where})", resource));
                }
            }

            if (page.NextLink is not { } next)
            {
                return;
            }

            var absolute = next.IsAbsoluteUri ? next : new Uri(server.BaseUrl, next);
            if (!SameOrigin(absolute, server.BaseUrl))
            {
                throw new DataValidationException(
                    $"The {where} links its next page to {absolute.GetLeftPart(UriPartial.Authority)}, another server: refused, the request would carry this site's credentials there.", name);
            }

            if (!seen.Add(absolute.AbsoluteUri) || number >= server.MaxPages)
            {
                throw new DataValidationException($"The {where} links to a page already read, or to more than {server.MaxPages} pages: refused.", name);
            }

            page = await client.ContinueAsync(page, PageDirection.Next, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameOrigin(Uri link, Uri server) =>
        string.Equals(link.Scheme, server.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(link.IdnHost, server.IdnHost, StringComparison.OrdinalIgnoreCase)
        && link.Port == server.Port;

    // The server's name in messages (no user info, query or fragment); credentials only over TLS, except on this machine.
    private static string Check(FhirServer server)
    {
        var url = server.BaseUrl;
        if (url is not { IsAbsoluteUri: true } || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.UserInfo))
        {
            throw new DataValidationException("The FHIR server's base URL must be an absolute http(s) URL without user name or password (put credentials in the Authorization setting).");
        }

        var name = url.GetLeftPart(UriPartial.Path);
        if (server.Authorization is { Length: > 0 } && url.Scheme == "http" && !url.IsLoopback)
        {
            throw new DataValidationException("Credentials are sent to a FHIR server only over https (http is allowed for this machine only).", name);
        }

        if (server.PageSize is < 1 or > 10_000 || server.Retries is < 0 or > 10 || server.Timeout <= TimeSpan.Zero || server.MaxPages < 1)
        {
            throw new DataValidationException("The FHIR server settings need 1 ≤ PageSize ≤ 10000, 0 ≤ Retries ≤ 10, a positive timeout and MaxPages ≥ 1.", name);
        }

        return name;
    }
}
