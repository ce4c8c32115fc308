using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedHealth.WebConsole.Streaming;

/// <summary>
/// A Server-Sent Events stream of whole snapshots: one <c>event: NAME</c> with the current state
/// at once, another after every change (coalesced), and a comment every
/// <see cref="KeepAlive"/> so proxies keep the connection. Ends when the client leaves or the host stops.
/// </summary>
internal static class ServerSentEvents
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task Stream(HttpContext context, ConsoleFeed feed, string name, Func<object> snapshot, JsonSerializerOptions json)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            var seen = feed.Version;
            await Send(response, name, snapshot(), json, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await feed.NextAsync(seen, KeepAlive, cancellationToken).ConfigureAwait(false) is not { } version)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
                    await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                seen = version;
                await Send(response, name, snapshot(), json, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed, or the service is stopping: the stream simply ends.
        }
    }

    /// <summary>One event; the JSON is on one line, as SSE's <c>data:</c> field requires.</summary>
    public static string Format(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    private static async Task Send(HttpResponse response, string name, object value, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        await response.WriteAsync(Format(name, JsonSerializer.Serialize(value, value.GetType(), json)), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
