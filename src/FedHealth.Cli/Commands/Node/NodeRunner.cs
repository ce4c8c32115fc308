using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Core.Ids;
using FedHealth.Crypto.Signatures;
using FedHealth.Hosting.Delivery;
using FedHealth.Hosting.Enrolment;
using FedHealth.Hosting.Remote;
using FedHealth.Coordinator.Hosting;
using FedHealth.Node.Agent;
using FedHealth.Node.Hosting;
using FedHealth.Node.Policy;
using FedHealth.Node.SecureAggregation;
using FedHealth.Training.Trainer;
using FedHealth.WebConsole.Hospital;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// The node service: validates its configuration and data, connects to the coordinator with mutual
/// TLS (registering again with backoff whenever the connection is lost), trains when asked (within its own
/// privacy policy, charged to its own ledger), and runs until stopped. It sends only protocol messages, never a row.
/// </summary>
internal static class NodeRunner
{
    public static async Task<int> RunAsync(string configPath, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var config = ServiceConfiguration.Load<NodeConfig>(ServiceConfiguration.Build(configPath, overrides), c => c.Problems());
        var node = config.Node;
        var site = new SiteId(node.SiteId!);
        var data = NodeData.Load(site, node.Data, config.Schema);
        var ledger = NodeLedger.Open(node.State.Resolve(configPath));

        // The only peer a node talks to is the coordinator named in its configuration.
        using var tls = ServiceTls.Load("Node:Tls", node.Tls, new HashSet<string>(StringComparer.Ordinal) { node.Coordinator.Id }, OwnIdentity.Site(site.Value));
        using var peerTrust = PeerTrust(node.Tls);
        using var signingKey = Ed25519SigningKey.Generate();
        var enrolment = CertificateEnrolment.Create(site, signingKey.PublicKey, tls.Certificate);
        var identity = new SecureAggregationIdentity(signingKey, new Dictionary<SiteId, byte[]>())
        {
            Enrolment = enrolment,
            Verifier = new CertificateEnrolmentVerifier(peerTrust),
            AnswerChallenge = nonce => CertificateEnrolment.SignChallenge(enrolment, nonce, tls.Certificate),
        };

        var bind = node.Bind;
        var client = ServiceTransfer.Client(tls);
        var coordinator = TlsRemoting.Address(node.Coordinator.Host!, node.Coordinator.Port);
        var options = new NodeOptions(new LocalTrainer { MaxFitTime = TimeSpan.FromSeconds(node.Training.MaxLocalTimeSeconds) }, $"{coordinator}/user/{CoordinatorActors.RegistryName}")
        {
            Pooled = data,
            Identity = identity,
            Transfer = new NodeTransfer(new BlobModelFetcher(client), new BlobMessageUploads(client, node.Transfer.ThresholdBytes)) { CoordinatorHost = node.Coordinator.Host },
            Guard = new SitePrivacyGuard(config.Policy(), ledger),
        };
        using var audit = ServiceAudit.Open("Node:State:Directory", node.State.Resolve(configPath), site.Value, tls.Certificate);
        using var console = ServiceConsole.ForSite("Node:Console", node.Console, node.Tls, tls, new HospitalBoard(site, config.Policy(), ledger));
        using var host = await ServiceHost.StartAsync(
            "Node:Bind", bind, tls, config.Node.Metrics, akka => audit.StartFirst(akka).WithFedHealthNode(options), cancellationToken, console).ConfigureAwait(false);
        if (console is not null)
        {
            Terminal.Err.WriteLine($"site {site}: console {console.Listener.Address.Url}/");
        }

        try
        {
            Terminal.Err.WriteLine($"site {site} connecting to {coordinator} (mutual TLS); stop with Ctrl-C");
            Terminal.Err.WriteLine($"site {site}: {config.Policy()}; its own privacy ledger is {ledger.Path}; its audit trail {audit.Path}");
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: a clean exit.
        }
        finally
        {
            await audit.FlushAsync().ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Relayed enrolments are checked against the consortium's sites, whichever they are (the TLS
    /// trust admits only the coordinator, so it cannot serve here).
    /// </summary>
    private static Pki.Trust.ConsortiumTrust PeerTrust(TlsSection tls) =>
        Pki.Trust.ConsortiumTrust.Load(tls.CaCertificate!, tls.Crl!);
}
