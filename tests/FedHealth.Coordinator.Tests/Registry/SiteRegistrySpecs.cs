using Akka.Actor;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Registry;

public sealed class SiteRegistrySpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void A_site_that_registers_again_replaces_its_old_connection()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        registry.Tell(new RegisterSite(new("h1")), first.Ref);
        first.ExpectMsg<SiteRegistered>();
        registry.Tell(new RegisterSite(new("h1")), second.Ref);
        second.ExpectMsg<SiteRegistered>();
        registry.Tell(GetRegisteredSites.Instance);

        Assert.Equal(second.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void A_terminated_site_is_forgotten()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var node = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1")), node.Ref);
        node.ExpectMsg<SiteRegistered>();

        Sys.Stop(node.Ref);

        AwaitAssert(() =>
        {
            registry.Tell(GetRegisteredSites.Instance);
            Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_site_that_is_not_enrolled_is_refused()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props(site => site.Value == "h1"));
        var stranger = CreateTestProbe();

        registry.Tell(new RegisterSite(new("intruder")), stranger.Ref);

        stranger.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
    }
}
