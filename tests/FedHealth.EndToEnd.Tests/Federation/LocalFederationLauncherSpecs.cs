using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>The launcher's own parts, without the services: configurations per the contract, ports, PKI and process handling.</summary>
[Collection(LocalFederationCollection.Name)]
public sealed class LocalFederationLauncherSpecs
{
    private static readonly TlsFiles SomeTls = new("/pki/c.p12", "/pki/c.p12.pass", "/pki/ca.crt.pem", "/pki/ca.crl.pem");

    [Fact]
    public void The_coordinator_configuration_has_exactly_the_sections_and_keys_of_the_contract()
    {
        var config = FederationConfigs.Coordinator(7400, SomeTls, "/runs/out", TimeSpan.FromSeconds(90), Study(rounds: 3), ["0", "1", "2"], HeartSchema);

        Assert.Equal(["Coordinator", "Schema", "Study"], Keys(config));
        var coordinator = config["Coordinator"]!;
        Assert.Equal(["Bind", "Output", "RegistrationTimeoutSeconds", "Tls"], Keys(coordinator));
        Assert.Equal(["Host", "Port", "PublicHost"], Keys(coordinator["Bind"]));
        Assert.Equal("127.0.0.1", coordinator["Bind"]!["Host"]!.GetValue<string>());
        Assert.Equal(7400, coordinator["Bind"]!["Port"]!.GetValue<int>());
        Assert.Equal(["CaCertificate", "Certificate", "Crl", "PasswordFile"], Keys(coordinator["Tls"]));
        Assert.Equal(90, coordinator["RegistrationTimeoutSeconds"]!.GetValue<int>());
        Assert.Equal(["0", "1", "2"], config["Study"]!["Sites"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["Columns", "Label", "MissingIndicators"], Keys(config["Schema"]));
    }

    [Fact]
    public void The_study_keeps_the_sites_and_id_it_names_and_otherwise_gets_all_sites_and_a_default_id()
    {
        var study = Study(rounds: 1);
        study.Remove("Id");
        study["Sites"] = new JsonArray("0", "1", "2", "foreign");

        var config = FederationConfigs.Coordinator(7400, SomeTls, "/out", TimeSpan.FromSeconds(1), study, ["0"], HeartSchema);

        Assert.Equal(["0", "1", "2", "foreign"], config["Study"]!["Sites"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(FederationConfigs.DefaultStudyId, config["Study"]!["Id"]!.GetValue<string>());
        Assert.Equal(["0", "1", "2", "foreign"], study["Sites"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(study.ContainsKey("Id"), "the caller's Study object was changed");
    }

    [Fact]
    public void A_node_configuration_reaches_the_coordinator_by_its_certificate_id_and_names_its_data_per_the_contract()
    {
        var csv = FederationConfigs.Node("0", 7400, 7401, SomeTls, new CsvSiteData("data.csv") { SiteColumn = "center", SiteValue = "0", SplitColumn = "flamby_split" }, HeartSchema);
        var synthetic = FederationConfigs.Node("hospital-2", 7400, 7402, SomeTls, new SyntheticSiteData(42, 4, 1), HeartSchema);

        Assert.Equal(["Node", "Schema"], Keys(csv));
        var node = csv["Node"]!;
        Assert.Equal(["Bind", "Coordinator", "Data", "SiteId", "State", "Tls"], Keys(node));
        Assert.Equal("state/0", node["State"]!["Directory"]!.GetValue<string>());
        Assert.Equal(["Host", "Id", "Port"], Keys(node["Coordinator"]));
        Assert.Equal("coordinator", node["Coordinator"]!["Id"]!.GetValue<string>());
        Assert.Equal(7400, node["Coordinator"]!["Port"]!.GetValue<int>());
        Assert.Equal(7401, node["Bind"]!["Port"]!.GetValue<int>());
        Assert.Equal(["CaCertificate", "Certificate", "Crl", "PasswordFile"], Keys(node["Tls"]));
        Assert.Equal(["Kind", "Path", "Seed", "SiteColumn", "SiteValue", "SplitColumn", "TestFraction"], Keys(node["Data"]));
        Assert.Equal("csv", node["Data"]!["Kind"]!.GetValue<string>());
        Assert.True(Path.IsPathRooted(node["Data"]!["Path"]!.GetValue<string>()));
        Assert.Equal(["Index", "Kind", "Seed", "Sites"], Keys(synthetic["Node"]!["Data"]));
        Assert.Equal(1, synthetic["Node"]!["Data"]!["Index"]!.GetValue<int>());
    }

    [Fact]
    public void The_schema_is_the_layout_sim_builds_from_the_same_file()
    {
        Assert.Equal("target", HeartSchema.Label);
        Assert.Equal(
            ["age", "sex", "trestbps", "chol", "fbs", "thalach", "exang", "oldpeak", "cp_2", "cp_3", "cp_4", "restecg_1", "restecg_2"],
            HeartSchema.Columns);
        Assert.Empty(HeartSchema.MissingIndicators);
    }

    [Fact]
    public void Free_ports_are_distinct_loopback_ports_that_can_be_bound_once_released()
    {
        var ports = FreePorts.Pick(8);

        Assert.Equal(8, ports.Distinct().Count());
        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }

    [Fact]
    public async Task Prepare_writes_a_fresh_PKI_and_one_configuration_per_process_without_starting_any()
    {
        var sites = ThreeCenters().Concat([HeartSite("foreign", "3", SiteCertificate.OtherCa), HeartSite("revoked", "3", SiteCertificate.Revoked), HeartSite("expired", "3", SiteCertificate.Expired)]).ToList();
        var federation = LocalFederation.Prepare(Spec(sites, Study(rounds: 1)));
        await using var _ = federation;

        Assert.Empty(federation.ProcessIds);
        var coordinator = JsonNode.Parse(File.ReadAllText(federation.CoordinatorConfigPath))!;
        Assert.Equal(federation.CoordinatorPort, coordinator["Coordinator"]!["Bind"]!["Port"]!.GetValue<int>());
        var ports = new HashSet<int> { federation.CoordinatorPort };
        for (var i = 0; i < sites.Count; i++)
        {
            var path = Path.Combine(federation.WorkFolder, "config", $"node-{i}.json");
            Assert.Equal(path, federation.NodeConfigPath(sites[i].Id));
            var node = JsonNode.Parse(File.ReadAllText(path))!["Node"]!;
            Assert.Equal(sites[i].Id, node["SiteId"]!.GetValue<string>());
            Assert.Equal(federation.CoordinatorPort, node["Coordinator"]!["Port"]!.GetValue<int>());
            Assert.True(ports.Add(node["Bind"]!["Port"]!.GetValue<int>()), "two processes share a port");
            foreach (var key in new[] { "Certificate", "PasswordFile", "CaCertificate", "Crl" })
            {
                Assert.True(File.Exists(node["Tls"]![key]!.GetValue<string>()), $"{key} of node {i} does not exist");
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            foreach (var pass in Directory.EnumerateFiles(Path.Combine(federation.WorkFolder, "pki"), "*.pass", SearchOption.AllDirectories))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pass));
            }
        }

        Assert.Throws<ArgumentException>(() => LocalFederation.Prepare(Spec(sites, Study(rounds: 1)) with { WorkFolder = federation.WorkFolder }));
    }

    [Fact]
    public async Task The_test_certificates_are_judged_as_intended_by_the_consortium_trust()
    {
        var sites = ThreeCenters().Concat([HeartSite("foreign", "3", SiteCertificate.OtherCa), HeartSite("revoked", "3", SiteCertificate.Revoked), HeartSite("expired", "3", SiteCertificate.Expired)]).ToList();
        var federation = LocalFederation.Prepare(Spec(sites, Study(rounds: 1)));
        await using var _ = federation;
        var pki = federation.Pki;
        using var trust = ConsortiumTrust.Load(pki.Coordinator.CaCertificate, pki.Coordinator.Crl, new ConsortiumTrustOptions { Enrolled = sites.Select(s => s.Id).Append(FederationPki.CoordinatorId).ToHashSet() });

        PeerVerdict Verdict(TlsFiles tls)
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(tls.Certificate, PasswordSource.FromFile(tls.PasswordFile).Read());
            return trust.Verify(certificate, null, DateTimeOffset.UtcNow);
        }

        Assert.Equal(new PeerVerdict.Accepted("coordinator", Pki.Identity.PeerRole.Coordinator), Verdict(pki.Coordinator));
        Assert.Equal(new PeerVerdict.Accepted("0", Pki.Identity.PeerRole.Site), Verdict(pki.Sites["0"]));
        Assert.Equal(RejectionReason.WrongCa, Assert.IsType<PeerVerdict.Rejected>(Verdict(pki.Sites["foreign"])).Reason);
        Assert.Equal(RejectionReason.Revoked, Assert.IsType<PeerVerdict.Rejected>(Verdict(pki.Sites["revoked"])).Reason);
        Assert.Equal(RejectionReason.Expired, Assert.IsType<PeerVerdict.Rejected>(Verdict(pki.Sites["expired"])).Reason);
    }

    [Fact]
    public async Task Processes_are_logged_awaited_killed_restarted_and_all_stopped_with_their_children_on_disposal()
    {
        var work = FedHealthProcess.TempFolder();
        var spec = FakeSpec(work, coordinatorScript: $$"""
            echo "[00:00:00 INF] Study s: round 1 of 2 started with 2 connected sites"
            echo "[00:00:00 INF] Study s: round 2 of 2 started with 2 connected sites"
            while [ ! -e "{{work}}/go" ]; do sleep 0.1; done
            mkdir -p "{{work}}/output" && echo '{"status":"completed","rounds":[]}' > "{{work}}/output/report.json"
            echo "[00:00:01 INF] Study s ended: completed"
            """);
        var federation = LocalFederation.Prepare(spec);
        var children = new List<int>();
        await using (federation)
        {
            await federation.StartAsync();
            var line = await federation.WaitForLineAsync(FederationLogPatterns.RoundStarted(2), TimeSpan.FromSeconds(30));
            Assert.True(line.IsCoordinator);
            children.Add(await ChildOf(federation, "b"));

            federation.KillNode("b");
            await federation.WaitForLineAsync(FederationLogPatterns.Exited("b"), TimeSpan.FromSeconds(30));
            Assert.False(federation.IsNodeRunning("b"));
            var oldPort = federation.NodePort("b");
            await federation.RestartNodeAsync("b");
            Assert.True(federation.IsNodeRunning("b"));
            Assert.NotEqual(oldPort, federation.NodePort("b"));
            children.Add(await ChildOf(federation, "a"));

            File.WriteAllText(Path.Combine(work, "go"), string.Empty);
            var result = await federation.WaitForCompletionAsync();

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("completed", result.Status);
            Assert.Contains("round 2 of 2 started", File.ReadAllText(federation.CoordinatorLogPath), StringComparison.Ordinal);
            Assert.Contains("killed by the launcher", File.ReadAllText(federation.NodeLogPath("b")), StringComparison.Ordinal);
            Assert.False(federation.IsNodeRunning("a"), "a node outlived the study");
            children.AddRange(federation.ProcessIds);
        }

        Assert.Equal(4, federation.ProcessIds.Count);
        Assert.All(children, pid => Assert.False(IsAlive(pid), $"process {pid} outlived the federation"));
    }

    [Fact]
    public async Task A_study_that_does_not_end_in_time_is_stopped_with_every_process()
    {
        var spec = FakeSpec(FedHealthProcess.TempFolder(), coordinatorScript: "sleep 300 & wait") with
        {
            Options = new FederationOptions { Timeout = TimeSpan.FromSeconds(3), WaitForCoordinatorPort = false, StopGrace = TimeSpan.FromSeconds(1) },
        };
        var federation = LocalFederation.Prepare(spec);
        await using var _ = federation;
        await federation.StartAsync();
        var children = new List<int> { await ChildOf(federation, "a") };

        var result = await federation.WaitForCompletionAsync();

        Assert.True(result.TimedOut);
        Assert.Null(result.Report);
        Assert.False(federation.IsCoordinatorRunning);
        Assert.All(children.Concat(federation.ProcessIds), pid => Assert.False(IsAlive(pid), $"process {pid} outlived the timeout"));
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_every_process_before_the_cancellation_is_seen()
    {
        var federation = LocalFederation.Prepare(FakeSpec(FedHealthProcess.TempFolder(), coordinatorScript: "sleep 300 & wait"));
        await using var _ = federation;
        await federation.StartAsync();
        var child = await ChildOf(federation, "b");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => federation.WaitForCompletionAsync(cancel.Token));

        Assert.All(federation.ProcessIds.Append(child), pid => Assert.False(IsAlive(pid), $"process {pid} outlived the cancellation"));
    }

    /// <summary>A federation of two nodes whose "fedhealth" is /bin/sh: nodes print a child's pid and wait on it, the coordinator runs the script.</summary>
    private static FederationSpec FakeSpec(string work, string coordinatorScript)
    {
        var script = $"""
            if [ "$1" = coordinator ]; then
            {coordinatorScript}
            else
              sleep 300 &
              echo "child $!"
              wait
            fi
            """;
        var sites = new[] { new FederationSite("a", new SyntheticSiteData(1, 2, 0)), new FederationSite("b", new SyntheticSiteData(1, 2, 1)) };
        return new FederationSpec(new FedHealthExecutable("/bin/sh", ["-c", script, "fedhealth"]), work, sites, Study(rounds: 2), HeartSchema)
        {
            Options = new FederationOptions { WaitForCoordinatorPort = false, StopGrace = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(1) },
        };
    }

    /// <summary>The pid of the latest child the node reported.</summary>
    private static async Task<int> ChildOf(LocalFederation federation, string site)
    {
        var after = federation.Log.Lines.LastOrDefault(l => l.SiteId == site && l.FromLauncher && l.Text.StartsWith("started", StringComparison.Ordinal))?.At ?? DateTimeOffset.MinValue;
        var line = await federation.WaitForLineAsync(
            l => l.SiteId == site && !l.FromLauncher && l.At >= after && l.Text.StartsWith("child ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return int.Parse(line.Text["child ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Alive = exists and is not a zombie (an orphan killed in a container may wait for a PID 1 that never reaps it).</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string[] Keys(JsonNode? node) => [.. node!.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal)];
}
