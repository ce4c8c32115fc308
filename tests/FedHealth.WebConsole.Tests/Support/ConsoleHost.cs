using Akka.Actor;
using Akka.Hosting;
using FedHealth.Hosting.Akka;
using FedHealth.WebConsole.Access;
using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Hosting;
using FedHealth.WebConsole.Http;
using FedHealth.WebConsole.Studies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FedHealth.WebConsole.Tests.Support;

/// <summary>
/// A console on a real Kestrel, wired as the services wire it (the listener and its gate, the
/// pages, the board's actor on the EventStream of a real actor system with the protocol serializer).
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConsoleHost(WebApplication app, ConsoleAddress address)
    {
        _app = app;
        Address = address;
    }

    public ConsoleAddress Address { get; }

    public Uri Url => new(Address.Url + "/");

    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    public static ConsoleAddress Loopback() => new(global::System.Net.IPAddress.Loopback, FreePort.Next(), Https: false);

    public static Task<ConsoleHost> Studies(StudyBoard board, ConsoleListener? listener = null)
    {
        var l = listener ?? new ConsoleListener(Loopback(), null, null);
        return Start(l, akka => akka.WithFedHealthStudyConsole(board), app => StudyConsoleEndpoints.Map(app, board, l.Address.Port));
    }

    public static Task<ConsoleHost> Site(HospitalBoard board)
    {
        var l = new ConsoleListener(Loopback(), null, null);
        return Start(l, akka => akka.WithFedHealthHospitalConsole(board), app => HospitalConsoleEndpoints.Map(app, board, l.Address.Port));
    }

    /// <summary>Publishes on the EventStream, as the study and node actors do.</summary>
    public void Publish(object message) => System.EventStream.Publish(message);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<ConsoleHost> Start(ConsoleListener listener, Action<AkkaConfigurationBuilder> actors, Action<IEndpointRouteBuilder> pages)
    {
        var app = ConsoleWebApp.Build(listener, pages, services => services.AddAkka("console-spec", akka => actors(akka.WithFedHealthSerialization())));
        await app.StartAsync().ConfigureAwait(false);
        return new ConsoleHost(app, listener.Address);
    }
}
