using FedHealth.WebConsole.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FedHealth.WebConsole.Hosting;

/// <summary>
/// A web host that serves one console and nothing else: Kestrel with the console's listener, its
/// access gate, then the pages. <c>sim --console</c> runs it beside the simulation (so the page
/// stays up after the study ends); the services add the same pieces to their own host.
/// </summary>
public static class ConsoleWebApp
{
    /// <param name="services">More services for the host (e.g. an actor system in the same host).</param>
    public static WebApplication Build(ConsoleListener listener, Action<IEndpointRouteBuilder> pages, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(pages);
        var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        web.WebHost.UseKestrelCore().ConfigureKestrel(listener.Listen);
        web.Services.AddRoutingCore();
        services?.Invoke(web.Services);
        var app = web.Build();
        listener.UseGate(app);
        app.UseRouting();
        pages(app);
        return app;
    }
}
