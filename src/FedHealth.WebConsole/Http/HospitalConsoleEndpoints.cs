using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FedHealth.WebConsole.Http;

/// <summary>
/// The hospital console: the page (<c>/</c>), its assets, the JSON API (<c>/api/site</c>: policy,
/// ledger, what left the site) and the live stream (<c>/api/events</c>: a <c>site</c> event).
/// </summary>
public static class HospitalConsoleEndpoints
{
    public const string EventName = "site";

    public static void Map(IEndpointRouteBuilder app, HospitalBoard board, int port)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(board);
        var console = app.MapGroup(string.Empty).AddEndpointFilter(new PortFilter(port));
        console.MapGet("/", () => EmbeddedPages.Serve("hospital.html"));
        console.MapGet("/assets/{name}", (string name) => EmbeddedPages.Serve(name));
        console.MapGet("/api/site", () => Results.Json(board.View(), ConsoleJson.Options));
        console.MapGet("/api/events", (HttpContext context) => ServerSentEvents.Stream(context, board.Feed, EventName, board.View, ConsoleJson.Options));
    }
}
