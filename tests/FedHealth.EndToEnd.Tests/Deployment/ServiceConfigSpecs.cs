using System.Text.Json.Nodes;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>deploy/compose/config/: the files follow docs/configuration.md and agree with the compose file and with each other.</summary>
public sealed class ServiceConfigSpecs
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    public static TheoryData<string, string> Services => new()
    {
        { SimFederation.Coordinator, "coordinator.json" },
        { SimFederation.Hospitals[0], "node.json" },
        { SimFederation.Hospitals[1], "node.json" },
        { SimFederation.Hospitals[2], "node.json" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void A_config_file_uses_only_the_keys_of_the_contract_and_reads_its_password_from_a_file(string service, string contract)
    {
        var config = SimFederation.Config(_compose[service]);
        var example = ConfigurationContract.Example(contract);
        var allowed = ConfigurationContract.KeyPaths(example).ToHashSet();

        Assert.Equal(example.Select(p => p.Key), config.Select(p => p.Key));
        Assert.All(ConfigurationContract.KeyPaths(config), key => Assert.True(allowed.Contains(key), $"{service}: {key} is not in docs/configuration.md ({contract})"));
        var tls = (config["Coordinator"] ?? config["Node"])!["Tls"]!;
        Assert.Equal(tls["Certificate"]!.GetValue<string>() + ".pass", tls["PasswordFile"]?.GetValue<string>());
    }

    [Fact]
    public void The_coordinator_listens_on_its_service_name_and_finds_its_key_the_CRL_and_its_output_in_its_own_mounts()
    {
        var service = _compose[SimFederation.Coordinator];
        var coordinator = SimFederation.Config(service)["Coordinator"]!;
        var tls = coordinator["Tls"]!;

        Assert.Equal(SimFederation.Coordinator, coordinator["Bind"]!["PublicHost"]!.GetValue<string>());
        Assert.Equal(7400, coordinator["Bind"]!["Port"]!.GetValue<int>());
        Assert.Contains(7400, service.Ports.Select(p => p.Target));
        Assert.All(new[] { "Certificate", "PasswordFile", "CaCertificate" }, key =>
            Assert.Equal($"{SimFederation.Compose}/certs/coordinator", service.MountHolding(tls[key]!.GetValue<string>()).RepositoryPath));
        var crl = service.MountHolding(tls["Crl"]!.GetValue<string>());
        Assert.Equal($"{SimFederation.Compose}/certs/ca-public", crl.RepositoryPath);
        Assert.True(crl.ReadOnly);
        var output = service.MountHolding(coordinator["Output"]!.GetValue<string>());
        Assert.True(!output.IsBind && !output.ReadOnly, "the coordinator's Output must be in a writable named volume");
    }

    [Fact]
    public void Each_hospital_is_a_distinct_enrolled_site_that_dials_the_coordinator_service()
    {
        var coordinator = SimFederation.Config(_compose[SimFederation.Coordinator]);
        var enrolled = coordinator["Study"]!["Sites"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var sites = new List<string>();

        foreach (var service in SimFederation.Hospitals.Select(h => _compose[h]))
        {
            var node = SimFederation.Config(service)["Node"]!;
            var site = node["SiteId"]!.GetValue<string>();
            sites.Add(site);
            Assert.Equal(SimFederation.Coordinator, node["Coordinator"]!["Host"]!.GetValue<string>());
            Assert.Equal(coordinator["Coordinator"]!["Bind"]!["Port"]!.GetValue<int>(), node["Coordinator"]!["Port"]!.GetValue<int>());
            Assert.Equal(service.Name, node["Bind"]!["PublicHost"]!.GetValue<string>());
            Assert.Equal(7401, node["Bind"]!["Port"]!.GetValue<int>());
            Assert.Contains(7401, service.Exposed);
            // The certificate's identity urn:fedhealth:site:<id> is what the coordinator checks against Study.Sites.
            Assert.Equal($"{site}.p12", Path.GetFileName(node["Tls"]!["Certificate"]!.GetValue<string>()));
            Assert.All(new[] { "Certificate", "PasswordFile", "CaCertificate" }, key =>
                Assert.Equal($"{SimFederation.Compose}/certs/{service.Name}", service.MountHolding(node["Tls"]![key]!.GetValue<string>()).RepositoryPath));
            var data = node["Data"]!.AsObject();
            Assert.Equal("csv", data["Kind"]!.GetValue<string>());
            Assert.Equal(data.ContainsKey("SiteColumn"), data.ContainsKey("SiteValue"));
        }

        Assert.Equal(sites.Count, sites.Distinct().Count());
        Assert.Equal(enrolled.Order(), sites.Order());
    }

    [Fact]
    public void Every_service_has_the_same_schema()
    {
        var schemas = _compose.Services.Values.Select(s => (s.Name, Schema: SimFederation.Config(s)["Schema"])).ToList();

        Assert.All(schemas, s => Assert.True(JsonNode.DeepEquals(schemas[0].Schema, s.Schema), $"{s.Name}'s Schema differs from {schemas[0].Name}'s"));
    }
}
