using System.Net;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.WebConsole.Access;
using FedHealth.WebConsole.Hosting;
using FedHealth.WebConsole.Http;
using FedHealth.WebConsole.Studies;
using Microsoft.AspNetCore.Builder;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// <c>sim --console</c>: the consortium console on 127.0.0.1 in a web host of its own, so that it
/// outlives the simulation's actor system and shows the finished study until Ctrl-C.
/// </summary>
internal sealed class SimConsole : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimConsole(WebApplication app, StudyBoard board, ConsoleAddress address)
    {
        _app = app;
        Board = board;
        Address = address;
    }

    public StudyBoard Board { get; }

    public ConsoleAddress Address { get; }

    public static async Task<SimConsole> StartAsync(int port, CancellationToken cancellationToken)
    {
        if (port is < 1 or > 65535)
        {
            throw new UserInputException($"--console: the port must be 1–65535 (got {port}).");
        }

        var address = new ConsoleAddress(IPAddress.Loopback, port, Https: false);
        ServiceHost.EnsurePortIsFree("--console", new EndpointSection { Host = address.Address.ToString(), Port = port });
        var board = new StudyBoard();
        var app = ConsoleWebApp.Build(new ConsoleListener(address, null, null), pages => StudyConsoleEndpoints.Map(pages, board, port));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Terminal.Err.WriteLine($"console: {address.Url}/");
        return new SimConsole(app, board, address);
    }

    /// <summary>After the study: the page stays up, showing how it ended, until the user stops it.</summary>
    public async Task KeepUpAsync(CancellationToken cancellationToken)
    {
        Terminal.Err.WriteLine($"console: the study is over; {Address.Url}/ stays up until Ctrl-C");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: a clean exit.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
