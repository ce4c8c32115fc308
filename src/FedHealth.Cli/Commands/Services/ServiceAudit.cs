using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Hosting;
using FedHealth.Audit.Chain;
using FedHealth.Audit.Recording;
using FedHealth.Cli.Console;
using Serilog;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// A service's audit trail in its state directory: opened (a <c>service.started</c> entry with its
/// audit key bound to its certificate) before its actors start, its audit actor started first so
/// nothing they publish is missed, and flushed before the host stops.
/// </summary>
internal sealed class ServiceAudit : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    private readonly AuditTrail _trail;
    private IActorRef? _actor;

    private ServiceAudit(AuditTrail trail) => _trail = trail;

    public string Path => _trail.Path;

    /// <param name="key">The configuration key of the state directory, named in an error.</param>
    public static ServiceAudit Open(string key, string stateDirectory, string service, X509Certificate2 certificate)
    {
        try
        {
            return new ServiceAudit(AuditTrail.Open(stateDirectory, service, certificate));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException
            or System.Security.Cryptography.CryptographicException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new UserInputException($"{key}: the audit trail in '{stateDirectory}' cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>Starts the audit actor; call before the service's own actors, then <paramref name="started"/> (e.g. to publish the study's creation).</summary>
    public AkkaConfigurationBuilder StartFirst(AkkaConfigurationBuilder akka, Action<ActorSystem>? started = null) =>
        akka.WithActors((system, _) =>
        {
            _actor = AuditRecording.Start(system, _trail);
            started?.Invoke(system);
        });

    /// <summary>Waits until what the actors published so far is on the trail (before the host stops).</summary>
    public async Task FlushAsync()
    {
        if (_actor is null)
        {
            return;
        }

        try
        {
            await _actor.Ask<AuditActor.Flush>(AuditActor.Flush.Instance, FlushTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AskTimeoutException or TaskCanceledException)
        {
            Log.Warning("The audit trail {Path} did not confirm its last entries within {Seconds} s", _trail.Path, FlushTimeout.TotalSeconds);
        }
    }

    public void Dispose() => _trail.Dispose();
}
