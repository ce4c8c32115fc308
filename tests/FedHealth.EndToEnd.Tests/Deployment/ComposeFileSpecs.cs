using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>docker-compose.sim.yml: four services, each hospital alone with its data and its key, only the coordinator reachable.</summary>
public sealed class ComposeFileSpecs
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void The_federation_is_a_coordinator_and_three_hospitals_started_with_their_config_files()
    {
        Assert.Equal([SimFederation.Coordinator, .. SimFederation.Hospitals], _compose.Services.Keys.Order());
        Assert.Equal(["coordinator", "--config", "/config/coordinator.json"], _compose[SimFederation.Coordinator].Command);
        Assert.All(SimFederation.Hospitals, h => Assert.Equal(["node", "--config", "/config/node.json"], _compose[h].Command));
        Assert.All(_compose.Services.Values, s => Assert.True(s.MountHolding(s.ConfigPath).ReadOnly, $"{s.Name}: its config is not mounted read-only"));
    }

    [Fact]
    public void Each_hospital_mounts_its_own_data_and_certificate_folders_read_only_and_shares_them_with_no_one()
    {
        foreach (var hospital in SimFederation.Hospitals)
        {
            var service = _compose[hospital];
            var node = SimFederation.Config(service)["Node"]!;
            var data = service.MountHolding(node["Data"]!["Path"]!.GetValue<string>());
            var certs = service.MountHolding(node["Tls"]!["Certificate"]!.GetValue<string>());

            Assert.Equal($"{SimFederation.Compose}/data/{hospital}", data.RepositoryPath);
            Assert.Equal($"{SimFederation.Compose}/certs/{hospital}", certs.RepositoryPath);
            Assert.True(data.IsBind && data.ReadOnly, $"{hospital}: its data is not a read-only bind mount");
            Assert.True(certs.IsBind && certs.ReadOnly, $"{hospital}: its certificates are not a read-only bind mount");
            foreach (var other in _compose.Services.Values.Where(s => s.Name != hospital))
            {
                Assert.DoesNotContain(other.Mounts, m => m.IsBind && Overlap(m.RepositoryPath, data.RepositoryPath));
                Assert.DoesNotContain(other.Mounts, m => m.IsBind && Overlap(m.RepositoryPath, certs.RepositoryPath));
            }
        }
    }

    [Fact]
    public void Only_the_coordinator_publishes_ports_and_only_its_akka_and_bulk_transfer_ports()
    {
        var published = _compose[SimFederation.Coordinator].Ports.Select(p => p.Target).ToList();

        Assert.Contains(7400, published);
        Assert.All(published, port => Assert.Contains(port, new[] { 7400, 7410 }));
        Assert.All(SimFederation.Hospitals, h => Assert.Empty(_compose[h].Ports));
    }

    [Fact]
    public void Hospitals_sit_only_on_an_internal_network_start_after_the_coordinator_and_restart_on_failure()
    {
        foreach (var hospital in SimFederation.Hospitals.Select(h => _compose[h]))
        {
            Assert.NotEmpty(hospital.Networks);
            Assert.All(hospital.Networks, n => Assert.True(_compose.NetworkIsInternal.GetValueOrDefault(n), $"{hospital.Name} is on the non-internal network {n}"));
            Assert.NotEmpty(hospital.Networks.Intersect(_compose[SimFederation.Coordinator].Networks));
            Assert.Contains(SimFederation.Coordinator, hospital.DependsOn);
            Assert.Equal("on-failure", hospital.Restart);
        }
    }

    [Fact]
    public void Every_bind_mounted_path_of_the_repository_exists_and_nothing_outside_it_is_mounted()
    {
        foreach (var mount in _compose.Services.Values.SelectMany(s => s.Mounts).Where(m => m.IsBind))
        {
            var path = mount.RepositoryPath;
            var full = Path.Combine(Paths.RepositoryRoot, path);

            Assert.False(path.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(path), $"{mount.Source} is outside the repository");
            Assert.True(SimFederation.IsGenerated(path) || File.Exists(full) || Directory.Exists(full), $"{mount.Source} is mounted but does not exist");
        }
    }

    [Fact]
    public void The_CA_key_folder_is_mounted_into_no_container()
    {
        var mounts = _compose.Services.Values.SelectMany(s => s.Mounts.Where(m => m.IsBind).Select(m => (s.Name, m.RepositoryPath)));

        Assert.All(mounts, m => Assert.False(Overlap(m.RepositoryPath, SimFederation.CaKeyFolder), $"{m.Name} mounts {m.RepositoryPath}, which is or holds the CA key folder"));
    }

    [Fact]
    public void No_password_or_secret_is_written_in_the_compose_file()
    {
        var names = _compose.Services.Values.SelectMany(s => s.Environment.Keys);

        Assert.DoesNotContain(names, n => new[] { "PASS", "SECRET", "TOKEN", "KEY" }.Any(w => n.Contains(w, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("password", ComposeFile.Text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Aggregate("", string.Concat), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_generated_keys_and_data_are_git_ignored()
    {
        var ignored = File.ReadAllLines(Path.Combine(Paths.RepositoryRoot, ".gitignore")).Select(l => l.Trim().TrimEnd('/'));

        Assert.All(SimFederation.GeneratedFolders, folder => Assert.Contains(folder, ignored));
    }

    private static bool Overlap(string a, string b) => SimFederation.IsInside(a, b) || SimFederation.IsInside(b, a);
}
