using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Configuration;
using Akka.Remote;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>
/// The coordinator and the nodes as separate <c>fedhealth</c> processes over mutual TLS on
/// loopback, each federation with a fresh PKI (docs/configuration.md, docs/simulation.md).
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class LocalFederationSpecs
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Three_hospitals_and_a_coordinator_in_separate_processes_complete_a_secure_study_over_mutual_TLS()
    {
        var study = Study(rounds: 3);
        study["Dp"] = "record";
        study["TargetEpsilon"] = 4;
        study["Delta"] = 0.001;
        study["Clip"] = 1.0;
        study["SamplingRate"] = 0.05;

        var result = await LocalFederation.RunAsync(Spec(ThreeCenters(), study));

        var report = AssertCompleted(result);
        var rounds = report["rounds"]!.AsArray();
        Assert.Equal(3, rounds.Count);
        foreach (var round in rounds)
        {
            Assert.Equal(3, round!["sites_succeeded"]!.GetValue<int>());
            Assert.True(round["secure_aggregation"]!.GetValue<bool>(), $"round {round["round"]} ran without secure aggregation");
        }

        Assert.Equal(["0", "1", "2"], report["final"]!["per_site"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.NotNull(result.LedgerPath);

        // The coordinator keeps the model beside its report: the final model, a checkpoint per committed round plus the initial weights, the card.
        var model = Path.Combine(Path.GetDirectoryName(result.ReportPath)!, "model");
        var id = report["final"]!["model_hash"]!.GetValue<string>();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(model, id + ".json")))!;
        Assert.Equal(4, Directory.GetFiles(Path.Combine(model, "checkpoints"), "*.f32").Length);
        Assert.Equal(HeartSchema.Columns.Count + HeartSchema.MissingIndicators.Count, manifest["permutation_importance"]!.AsArray().Count);
        Assert.True(File.Exists(Path.Combine(model, "model-card.html")));

        // The launcher sends every model and every masked input over the mutual-TLS transfer channel:
        // 3 sites × (fit + evaluation) × 3 rounds down, 3 sites × 3 rounds up.
        Assert.Matches(@"CompletedFetches = (1[8-9]|[2-9]\d|\d{3,}), CompletedUploads = ([9]|[1-9]\d+), FailedTransfers = 0", File.ReadAllText(result.CoordinatorLog));

        // The launcher waits for the coordinator's "listening" line instead of probing its port,
        // so the coordinator's alarm for a failed TLS handshake never fires on its own launcher.
        Assert.DoesNotContain("TLS handshake failure", File.ReadAllText(result.CoordinatorLog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nodes_with_a_foreign_a_revoked_or_an_expired_certificate_are_refused_and_the_study_runs_with_the_others()
    {
        // Every id is enrolled, so only the certificate can keep a site out.
        var sites = ThreeCenters().Concat(
        [
            HeartSite("foreign", "3", SiteCertificate.OtherCa),
            HeartSite("revoked", "3", SiteCertificate.Revoked),
            HeartSite("expired", "3", SiteCertificate.Expired),
        ]).ToList();
        var study = Study(rounds: 2);
        study["MinAvailableSites"] = 3;
        var federation = LocalFederation.Prepare(Spec(sites, study));
        await using var _ = federation;

        await federation.StartAsync();
        // Each certificate is also presented by a bare TLS client, so the coordinator judges all
        // three even if a node refuses to start with its own bad certificate.
        var refused = await Task.WhenAll(
            new[] { "foreign", "revoked", "expired" }.Select(id => federation.CoordinatorRefusesCertificateAsync(id, TimeSpan.FromSeconds(15))));
        var result = await federation.WaitForCompletionAsync();

        var report = AssertCompleted(result);
        Assert.All(refused, Assert.True);
        foreach (var round in report["rounds"]!.AsArray())
        {
            Assert.Equal(["0", "1", "2"], round!["succeeded_site_ids"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        }

        Assert.Equal(["0", "1", "2"], report["final"]!["per_site"]!.AsObject().Select(kv => kv.Key).Order());
        var log = File.ReadAllText(result.CoordinatorLog);
        foreach (var reason in new[] { "WrongCa", "Revoked", "Expired" })
        {
            Assert.True(log.Contains(reason, StringComparison.OrdinalIgnoreCase), $"The coordinator's log does not name the rejection {reason}.\n{Tail(result.CoordinatorLog)}");
        }
    }

    [Fact]
    public async Task A_plaintext_client_gets_no_Akka_handshake_and_cannot_associate()
    {
        var federation = LocalFederation.Prepare(Spec(ThreeCenters(), Study(rounds: 2)));
        await using var _ = federation;
        await federation.StartAsync();

        var answer = await SendNotTlsAsync(federation.CoordinatorPort);
        var associated = await PlaintextAkkaAssociatesAsync(federation.CoordinatorPort);
        var result = await federation.WaitForCompletionAsync();

        Assert.True(answer.Closed, "The coordinator kept a connection open that did not start with a TLS ClientHello.");
        Assert.True(answer.Bytes.Length == 0 || answer.Bytes[0] == 0x15, $"The coordinator answered plaintext with {answer.Bytes.Length} bytes that are not a TLS alert.");
        Assert.DoesNotContain("fedhealth", Encoding.ASCII.GetString(answer.Bytes), StringComparison.OrdinalIgnoreCase);
        Assert.False(associated, "An actor system without TLS associated with the coordinator.");
        AssertCompleted(result);
    }

    [Fact]
    public async Task A_node_killed_during_round_2_fails_that_round_and_takes_part_again_after_a_restart()
    {
        // Long local training keeps round 2 open while the node is killed; site normalisation keeps
        // the restarted node independent of the statistics pooled before round 1.
        var study = Study(rounds: 4, localSteps: 8000);
        study["Normalize"] = "site";
        study["StageTimeoutSeconds"] = 10;
        study["FitTimeoutSeconds"] = 60;
        var federation = LocalFederation.Prepare(Spec(ThreeCenters(), study));
        await using var _ = federation;
        await federation.StartAsync();

        await federation.WaitForLineAsync(FederationLogPatterns.RoundStarted(2), LineTimeout);
        federation.KillNode("1");
        await federation.RestartNodeAsync("1");
        var result = await federation.WaitForCompletionAsync();

        var report = AssertCompleted(result);
        var rounds = report["rounds"]!.AsArray();
        Assert.Equal(4, rounds.Count);
        var second = rounds[1]!;
        Assert.DoesNotContain("1", Ids(second["succeeded_site_ids"]));
        var named = Sites(second["failures"]).Concat(Sites(second["sites_dropped"]));
        Assert.True(named.Contains("1"), $"Round 2 does not name site 1 as failed or dropped: {second.ToJsonString()}");
        Assert.Contains("1", Ids(rounds[2]!["succeeded_site_ids"]));
    }

    private static JsonObject AssertCompleted(FederationResult result)
    {
        Assert.False(result.TimedOut, $"The study did not end in time.\n{Tail(result.CoordinatorLog)}");
        Assert.True(result.ExitCode == 0, $"The coordinator exited with {result.ExitCode}.\n{Tail(result.CoordinatorLog)}");
        Assert.True(result.Report is not null, $"The coordinator wrote no report.\n{Tail(result.CoordinatorLog)}");
        Assert.Equal("completed", result.Status);
        return result.Report!;
    }

    private static List<string> Ids(JsonNode? array) => [.. array?.AsArray().Select(s => s!.GetValue<string>()) ?? []];

    private static IEnumerable<string> Sites(JsonNode? failures) => failures?.AsArray().Select(f => f!["site"]!.GetValue<string>()) ?? [];

    /// <summary>Sends bytes that are no TLS record and reads until the coordinator closes the connection (or 20 s pass).</summary>
    private static async Task<(bool Closed, byte[] Bytes)> SendNotTlsAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(FederationConfigs.LoopbackHost, port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: coordinator\r\n\r\n"u8.ToArray());
        var received = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return (true, received.ToArray());
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            return (true, received.ToArray());
        }
        catch (OperationCanceledException)
        {
            return (false, received.ToArray());
        }
    }

    /// <summary>An Akka.Remote actor system without TLS tries to reach the coordinator; true if an association was established.</summary>
    private static async Task<bool> PlaintextAkkaAssociatesAsync(int port)
    {
        var config = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp.hostname = 127.0.0.1
            akka.remote.dot-netty.tcp.port = 0
            """);
        using var system = ActorSystem.Create("plaintext", config);
        var associated = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = system.ActorOf(AssociationWatcher.Props(associated), "association-watcher");
        system.EventStream.Subscribe(watcher, typeof(AssociatedEvent));
        try
        {
            await system.ActorSelection($"akka.tcp://fedhealth@{FederationConfigs.LoopbackHost}:{port}/user").ResolveOne(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception ex) when (ex is AkkaException or TimeoutException or OperationCanceledException)
        {
            return await Task.WhenAny(associated.Task, Task.Delay(TimeSpan.FromSeconds(2))) == associated.Task;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class AssociationWatcher : ReceiveActor
    {
        public AssociationWatcher(TaskCompletionSource<bool> associated) =>
            Receive<AssociatedEvent>(_ => associated.TrySetResult(true));

        public static Props Props(TaskCompletionSource<bool> associated) => Akka.Actor.Props.Create(() => new AssociationWatcher(associated));
    }
}
