using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;
using FedHealth.Training.Data.Fhir;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Tests.Support;

/// <summary>
/// A FHIR R4 server in the test process (HttpListener on a free loopback port): searches by type
/// with _count (capped at <see cref="MaxPageSize"/>) and code (system|code, comma-separated), paged
/// with absolute next links, /metadata, an optional required Authorization header and a number of
/// first requests answered 503. Never the internet.
/// </summary>
public sealed class FhirTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly IReadOnlyList<Resource> _resources;
    private readonly System.Threading.Tasks.Task _loop;
    private int _failuresLeft;

    public FhirTestServer(IEnumerable<Resource> resources, int maxPageSize = 50, string? requiredAuthorization = null, int failFirst = 0)
    {
        _resources = resources.ToList();
        MaxPageSize = maxPageSize;
        RequiredAuthorization = requiredAuthorization;
        _failuresLeft = failFirst;
        (_listener, BaseUrl) = Listen();
        _loop = System.Threading.Tasks.Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public int MaxPageSize { get; }

    public string? RequiredAuthorization { get; }

    /// <summary>The FHIR version /metadata announces.</summary>
    public string FhirVersion { get; init; } = "4.0.1";

    /// <summary>Where next links point (default: this server); a test can send them elsewhere.</summary>
    public Func<Uri, Uri> NextLink { get; init; } = link => link;

    /// <summary>Every request's path and query, in order (never its headers).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was stopped under a pending accept.
        }
    }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/fhir/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async System.Threading.Tasks.Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var request = context.Request;
            Requests.Enqueue(request.Url!.PathAndQuery);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                response.StatusCode = 503;
                continue;
            }

            if (RequiredAuthorization is not null && request.Headers["Authorization"] != RequiredAuthorization)
            {
                response.StatusCode = 401;
                continue;
            }

            var type = request.Url.AbsolutePath[BaseUrl.AbsolutePath.Length..].Trim('/');
            var body = type == "metadata" ? Metadata() : Search(type, HttpUtility.ParseQueryString(request.Url.Query));
            var bytes = Encoding.UTF8.GetBytes(body);
            response.ContentType = "application/fhir+json; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }

    private string Metadata() =>
        $$"""{"resourceType":"CapabilityStatement","status":"active","date":"2024-01-01","kind":"instance","fhirVersion":"{{FhirVersion}}","format":["json"]}""";

    private string Search(string type, System.Collections.Specialized.NameValueCollection query)
    {
        var count = Math.Min(int.Parse(query["_count"] ?? "20", CultureInfo.InvariantCulture), MaxPageSize);
        var offset = int.Parse(query["_offset"] ?? "0", CultureInfo.InvariantCulture);
        var codes = query["code"]?.Split(',').ToHashSet(StringComparer.Ordinal);
        var matches = _resources.Where(r => r.TypeName == type && (codes is null || Codings(r).Any(codes.Contains))).ToList();
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = matches.Count };
        foreach (var resource in matches.Skip(offset).Take(count))
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(BaseUrl, $"{resource.TypeName}/{resource.Id}").AbsoluteUri,
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        if (offset + count < matches.Count)
        {
            var next = $"{type}?_count={count}&_offset={offset + count}" + (query["code"] is { } code ? $"&code={Uri.EscapeDataString(code)}" : string.Empty);
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = NextLink(new Uri(BaseUrl, next)).AbsoluteUri });
        }

        return FhirResourceFiles.Serialize(bundle);
    }

    private static IEnumerable<string> Codings(Resource resource) => (resource switch
    {
        Observation o => o.Code,
        Condition c => c.Code,
        MedicationRequest m => m.Medication as CodeableConcept,
        MedicationStatement m => m.Medication as CodeableConcept,
        _ => null,
    })?.Coding.Select(c => $"{c.System}|{c.Code}") ?? [];
}
