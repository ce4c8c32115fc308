using FedHealth.Core.Enrolment;
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
    public void A_site_that_is_not_enrolled_is_refused_with_the_reason()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props(site => site.Value == "h1"));
        var stranger = CreateTestProbe();

        registry.Tell(new RegisterSite(new("intruder")), stranger.Ref);

        Assert.Contains("not enrolled", stranger.ExpectMsg<RegistrationRefused>().Reason, StringComparison.Ordinal);
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
    }

    [Fact]
    public void Across_a_network_a_registration_without_a_verified_enrolment_is_refused()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: new RefusingVerifier()));
        var site = CreateTestProbe();

        registry.Tell(new RegisterSite(new("h1")), site.Ref);
        registry.Tell(new RegisterSite(new("h1"), new SiteEnrolment(new("h2"), new byte[32], [1], [1])), site.Ref);
        registry.Tell(new RegisterSite(new("h1"), new SiteEnrolment(new("h1"), new byte[32], [1], [1])), site.Ref);

        Assert.Contains("no certificate-bound enrolment", site.ExpectMsg<RegistrationRefused>().Reason, StringComparison.Ordinal);
        Assert.Contains("not h1", site.ExpectMsg<RegistrationRefused>().Reason, StringComparison.Ordinal);
        Assert.Equal("certificate revoked", site.ExpectMsg<RegistrationRefused>().Reason);
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
    }

    private sealed class RefusingVerifier : IEnrolmentVerifier
    {
        public string? Refusal(SiteEnrolment enrolment) => "certificate revoked";
    }
}
