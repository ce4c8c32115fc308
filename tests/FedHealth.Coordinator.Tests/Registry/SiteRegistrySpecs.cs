using System.Security.Cryptography;
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
    public void A_site_that_registers_again_from_the_same_actor_stays_registered()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var node = CreateTestProbe();

        registry.Tell(new RegisterSite(new("h1")), node.Ref);
        node.ExpectMsg<SiteRegistered>();
        registry.Tell(new RegisterSite(new("h1")), node.Ref);
        node.ExpectMsg<SiteRegistered>();
        registry.Tell(GetRegisteredSites.Instance);

        Assert.Equal(node.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void A_live_registration_is_never_taken_over_by_another_actor_in_the_sites_name()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var site = CreateTestProbe();
        var impostor = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1")), site.Ref);
        site.ExpectMsg<SiteRegistered>();

        registry.Tell(new RegisterSite(new("h1")), impostor.Ref);

        Assert.Contains("already registered from a live connection", impostor.ExpectMsg<RegistrationRefused>().Reason, StringComparison.Ordinal);
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Equal(site.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void Once_the_old_connection_has_terminated_the_site_may_register_again()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var before = CreateTestProbe();
        var after = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1")), before.Ref);
        before.ExpectMsg<SiteRegistered>();

        Sys.Stop(before.Ref);

        AwaitAssert(() =>
        {
            registry.Tell(new RegisterSite(new("h1")), after.Ref);
            after.ExpectMsg<SiteRegistered>(TimeSpan.FromMilliseconds(200));
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Across_a_network_a_site_is_registered_only_after_signing_a_fresh_challenge_with_its_certificate_key()
    {
        using var keys = new CertificateKeys("h1");
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: keys));
        var node = CreateTestProbe();

        registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), node.Ref);
        var challenge = node.ExpectMsg<RegistrationChallenge>();
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
        registry.Tell(new RegistrationProof(new("h1"), challenge.Nonce, keys.Sign("h1", challenge.Nonce)), node.Ref);

        node.ExpectMsg<SiteRegistered>();
        Assert.Equal(RegistrationProofPayload.NonceLength, challenge.Nonce.Length);
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Equal(node.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void A_replayed_enrolment_and_a_recorded_proof_register_no_one_and_leave_the_real_site_registered()
    {
        using var keys = new CertificateKeys("h1", "h2");
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: keys));
        var site = CreateTestProbe();
        var attacker = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), site.Ref);
        var recorded = site.ExpectMsg<RegistrationChallenge>();
        var recordedProof = new RegistrationProof(new("h1"), recorded.Nonce, keys.Sign("h1", recorded.Nonce));
        registry.Tell(recordedProof, site.Ref);
        site.ExpectMsg<SiteRegistered>();

        registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), attacker.Ref);
        var fresh = attacker.ExpectMsg<RegistrationChallenge>();
        registry.Tell(recordedProof, attacker.Ref);
        attacker.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        registry.Tell(new RegistrationProof(new("h1"), fresh.Nonce, keys.Sign("h2", fresh.Nonce)), attacker.Ref);

        Assert.Contains("does not verify", attacker.ExpectMsg<RegistrationRefused>().Reason, StringComparison.Ordinal);
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Equal(site.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void A_site_that_proves_its_key_from_a_new_connection_replaces_its_old_one()
    {
        using var keys = new CertificateKeys("h1");
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: keys));
        var before = CreateTestProbe();
        var restarted = CreateTestProbe();
        foreach (var node in new[] { before, restarted })
        {
            registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), node.Ref);
            var challenge = node.ExpectMsg<RegistrationChallenge>();
            registry.Tell(new RegistrationProof(new("h1"), challenge.Nonce, keys.Sign("h1", challenge.Nonce)), node.Ref);
            node.ExpectMsg<SiteRegistered>();
        }

        registry.Tell(GetRegisteredSites.Instance);
        Assert.Equal(restarted.Ref, Assert.Single(ExpectMsg<RegisteredSites>().Sites).Value);
    }

    [Fact]
    public void A_site_revoked_after_it_registered_is_no_longer_offered_to_the_next_round()
    {
        using var keys = new CertificateKeys("h1");
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: keys));
        var node = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), node.Ref);
        var challenge = node.ExpectMsg<RegistrationChallenge>();
        registry.Tell(new RegistrationProof(new("h1"), challenge.Nonce, keys.Sign("h1", challenge.Nonce)), node.Ref);
        node.ExpectMsg<SiteRegistered>();

        keys.Revoke("h1");
        registry.Tell(GetRegisteredSites.Instance);

        var sites = ExpectMsg<RegisteredSites>();
        Assert.Empty(sites.Sites);
        Assert.Empty(sites.Enrolments);
    }

    [Fact]
    public void A_proof_from_another_connection_than_the_one_challenged_is_refused()
    {
        using var keys = new CertificateKeys("h1");
        var registry = Sys.ActorOf(SiteRegistryActor.Props(verifier: keys));
        var node = CreateTestProbe();
        var other = CreateTestProbe();
        registry.Tell(new RegisterSite(new("h1"), keys.Enrolment("h1")), node.Ref);
        var challenge = node.ExpectMsg<RegistrationChallenge>();

        registry.Tell(new RegistrationProof(new("h1"), challenge.Nonce, keys.Sign("h1", challenge.Nonce)), other.Ref);

        other.ExpectMsg<RegistrationRefused>();
        registry.Tell(GetRegisteredSites.Instance);
        Assert.Empty(ExpectMsg<RegisteredSites>().Sites);
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

        public string? ProofRefusal(SiteEnrolment enrolment, byte[] payload, byte[] signature) => "certificate revoked";
    }

    /// <summary>Stands in for the consortium trust: one ECDSA key per site plays its certificate's key.</summary>
    private sealed class CertificateKeys : IEnrolmentVerifier, IDisposable
    {
        private readonly Dictionary<string, ECDsa> _keys;
        private readonly HashSet<string> _revoked = [];

        public CertificateKeys(params string[] sites) =>
            _keys = sites.ToDictionary(s => s, _ => ECDsa.Create(ECCurve.NamedCurves.nistP256));

        public SiteEnrolment Enrolment(string site) => new(new(site), new byte[32], [1], [1]);

        public byte[] Sign(string signer, byte[] nonce) =>
            _keys[signer].SignData(RegistrationProofPayload.Of(new("h1"), new byte[32], nonce), HashAlgorithmName.SHA256);

        public void Revoke(string site) => _revoked.Add(site);

        public string? Refusal(SiteEnrolment enrolment) =>
            !_keys.ContainsKey(enrolment.Site.Value) ? "not a consortium certificate"
            : _revoked.Contains(enrolment.Site.Value) ? "certificate revoked"
            : null;

        public string? ProofRefusal(SiteEnrolment enrolment, byte[] payload, byte[] signature) =>
            _keys[enrolment.Site.Value].VerifyData(payload, signature, HashAlgorithmName.SHA256)
                ? null
                : "the registration proof does not verify with the certificate's key";

        public void Dispose()
        {
            foreach (var key in _keys.Values)
            {
                key.Dispose();
            }
        }
    }
}
