using Akka.Hosting;
using FedHealth.Cli.Console;
using FedHealth.Pki.Trust;
using FedHealth.WebConsole.Access;
using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Hosting;
using FedHealth.WebConsole.Http;
using FedHealth.WebConsole.Studies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Serilog;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// A service's web console in its host (<see cref="ServiceHost"/>): the read model's actor, the
/// listener with its access gate, and the pages. Over https the operators' certificates are checked
/// against the consortium CA and CRL, admitting any id in the <c>operator</c> role.
/// </summary>
internal sealed class ServiceConsole : IDisposable
{
    private readonly ConsortiumTrust? _trust;
    private readonly Action<AkkaConfigurationBuilder> _actors;
    private readonly Action<IEndpointRouteBuilder, int> _pages;

    private ServiceConsole(ConsoleListener listener, ConsortiumTrust? trust, Action<AkkaConfigurationBuilder> actors, Action<IEndpointRouteBuilder, int> pages)
    {
        Listener = listener;
        _trust = trust;
        _actors = actors;
        _pages = pages;
    }

    public ConsoleListener Listener { get; }

    /// <summary>The coordinator's console; null when <paramref name="section"/> has no URL.</summary>
    public static ServiceConsole? ForStudies(string key, ConsoleSection section, TlsSection files, ServiceTls tls, StudyBoard board) =>
        Create(key, section, files, tls, akka => akka.WithFedHealthStudyConsole(board), (app, port) => StudyConsoleEndpoints.Map(app, board, port));

    /// <summary>The hospital's console; null when <paramref name="section"/> has no URL.</summary>
    public static ServiceConsole? ForSite(string key, ConsoleSection section, TlsSection files, ServiceTls tls, HospitalBoard board) =>
        Create(key, section, files, tls, akka => akka.WithFedHealthHospitalConsole(board), (app, port) => HospitalConsoleEndpoints.Map(app, board, port));

    public void AddActors(AkkaConfigurationBuilder akka) => _actors(akka);

    public void Map(IEndpointRouteBuilder app) => _pages(app, Listener.Address.Port);

    public void Dispose() => _trust?.Dispose();

    private static ServiceConsole? Create(
        string key, ConsoleSection section, TlsSection files, ServiceTls tls, Action<AkkaConfigurationBuilder> actors, Action<IEndpointRouteBuilder, int> pages)
    {
        if (!section.Enabled)
        {
            return null;
        }

        var problems = new List<string>();
        var address = ConsoleAddress.Parse($"{key}:Url", section.Url!, problems) ?? throw new UserInputException(string.Join(" ", problems));
        if (!address.Https)
        {
            return new ServiceConsole(new ConsoleListener(address, null, null), null, actors, pages);
        }

        // Not the service's own trust: that one admits only the protocol's peers by id.
        var trust = ConsortiumTrust.Load(files.CaCertificate!, files.Crl!);
        var access = new OperatorAccess(trust, reason => Log.Warning("Console: client certificate refused: {Reason}", reason));
        return new ServiceConsole(new ConsoleListener(address, tls.Certificate, access), trust, actors, pages);
    }
}
