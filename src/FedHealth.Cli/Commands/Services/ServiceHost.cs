using System.Net;
using System.Net.Sockets;
using Akka.Hosting;
using FedHealth.Cli.Console;
using FedHealth.Hosting.Akka;
using FedHealth.Hosting.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace FedHealth.Cli.Commands.Services;

/// <summary>A service's host: Serilog, the protocol serializer, and Akka.Remote over mutual TLS only, listening where configured.</summary>
internal static class ServiceHost
{
    /// <param name="actors">Starts the service's actors (<c>WithFedHealthCoordinator</c>, <c>WithFedHealthNode</c>).</param>
    /// <param name="metrics">The monitoring endpoint (<see cref="MonitoringEndpoints"/>); when enabled, the host is an ASP.NET Core one serving it too.</param>
    /// <param name="console">The web console (<see cref="ServiceConsole"/>); when given, the host is an ASP.NET Core one serving it too.</param>
    public static async Task<IHost> StartAsync(
        string key, EndpointSection bind, ServiceTls tls, MetricsSection metrics, Action<AkkaConfigurationBuilder> actors, CancellationToken cancellationToken,
        ServiceConsole? console = null)
    {
        EnsurePortIsFree(key, bind);
        if (metrics.Enabled)
        {
            EnsurePortIsFree(key.Replace(":Bind", ":Metrics", StringComparison.Ordinal), new EndpointSection { Host = metrics.Host, Port = metrics.Port });
        }

        if (console is not null)
        {
            EnsurePortIsFree(key.Replace(":Bind", ":Console", StringComparison.Ordinal), new EndpointSection { Host = console.Listener.Address.Address.ToString(), Port = console.Listener.Address.Port });
        }

        var web = metrics.Enabled || console is not null ? WebApplication.CreateEmptyBuilder(new WebApplicationOptions()) : null;
        IHostApplicationBuilder builder = web is null ? Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()) : web;
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(Log.Logger, dispose: false);
        builder.Services.AddAkka(TlsRemoting.SystemName, akka =>
        {
            actors(akka
                .WithFedHealthSerialization()
                .WithFedHealthLogging()
                .WithFedHealthTlsRemoting(new RemoteEndpoint(bind.Host, bind.Port, bind.PublicHost), tls.Certificate, tls.Validator));
            console?.AddActors(akka);
        });
        IHost host;
        if (web is null)
        {
            host = ((HostApplicationBuilder)builder).Build();
        }
        else
        {
            web.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                if (metrics.Enabled)
                {
                    MonitoringEndpoints.Listen(kestrel, metrics);
                }

                console?.Listener.Listen(kestrel);
            });
            web.Services.AddRoutingCore();
            if (metrics.Enabled)
            {
                MonitoringEndpoints.AddTo(web);
            }

            var app = web.Build();
            console?.Listener.UseGate(app);
            app.UseRouting();
            if (metrics.Enabled)
            {
                MonitoringEndpoints.Map(app, metrics, tls);
            }

            console?.Map(app);
            host = app;
        }

        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new UserInputException($"{key}: cannot listen on {bind.Host}:{bind.Port}: {Cause(ex)}", ex);
        }
    }

    // Checked before Akka starts, so a port in use is one clear line, not the transport's stack traces first.
    public static void EnsurePortIsFree(string key, EndpointSection bind)
    {
        if (bind.Port == 0)
        {
            return;
        }

        foreach (var address in Addresses(bind.Host))
        {
            try
            {
                var probe = new TcpListener(address, bind.Port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new UserInputException($"{key}: cannot listen on {bind.Host}:{bind.Port}: the port is already in use (another coordinator or node?); choose another port.");
            }
            catch (SocketException)
            {
                // Anything else (an address not on this machine, no permission) is Akka's to report.
            }
        }
    }

    private static IPAddress[] Addresses(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return [address];
        }

        try
        {
            return Dns.GetHostAddresses(host);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    /// <summary>The socket's own words (e.g. "Address already in use") rather than the wrappers'.</summary>
    private static string Cause(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException socket)
            {
                return socket.Message;
            }
        }

        return exception.GetBaseException().Message;
    }
}
