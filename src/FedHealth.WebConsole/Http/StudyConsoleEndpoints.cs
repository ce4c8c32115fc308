using FedHealth.WebConsole.Studies;
using FedHealth.WebConsole.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FedHealth.WebConsole.Http;

/// <summary>
/// The coordinator console: the page (<c>/</c>), its assets, the JSON API (<c>/api/studies</c>,
/// <c>/api/studies/{id}</c>, <c>/api/studies/{id}/rounds</c>, <c>/api/studies/{id}/sites</c>) and
/// the live stream (<c>/api/events</c>: an <c>studies</c> event with every study's detail).
/// </summary>
public static class StudyConsoleEndpoints
{
    public const string EventName = "studies";

    public static void Map(IEndpointRouteBuilder app, StudyBoard board, int port)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(board);
        var console = app.MapGroup(string.Empty).AddEndpointFilter(new PortFilter(port));
        console.MapGet("/", () => EmbeddedPages.Serve("coordinator.html"));
        console.MapGet("/assets/{name}", (string name) => EmbeddedPages.Serve(name));
        console.MapGet("/api/studies", () => Results.Json(board.Studies(), ConsoleJson.Options));
        console.MapGet("/api/studies/{id}", (string id) => Found(board.Study(id), id, d => d));
        console.MapGet("/api/studies/{id}/rounds", (string id) => Found(board.Study(id), id, d => d.Rounds));
        console.MapGet("/api/studies/{id}/sites", (string id) => Found(board.Study(id), id, d => d.Sites));
        console.MapGet("/api/events", (HttpContext context) => ServerSentEvents.Stream(context, board.Feed, EventName, () => Details(board), ConsoleJson.Options));
    }

    private static IReadOnlyList<StudyDetail> Details(StudyBoard board) =>
        [.. board.Studies().Select(s => board.Study(s.Study)).OfType<StudyDetail>()];

    private static IResult Found<T>(StudyDetail? detail, string id, Func<StudyDetail, T> part) =>
        detail is null
            ? Results.Json(new { error = $"no study '{id}' on this coordinator" }, ConsoleJson.Options, statusCode: StatusCodes.Status404NotFound)
            : Results.Json(part(detail), ConsoleJson.Options);
}
