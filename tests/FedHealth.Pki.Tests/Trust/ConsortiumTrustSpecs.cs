using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Tests.Support;
using FedHealth.Pki.Trust;

namespace FedHealth.Pki.Tests.Trust;

public sealed class ConsortiumTrustSpecs
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void A_certificate_from_a_fresh_CA_is_accepted_with_its_id_and_role()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        using var coordinator = TestAuthority.Presented(authority.Issue("hub", PeerRole.Coordinator));
        using var trust = authority.Trust();

        Assert.Equal(new PeerVerdict.Accepted("site-a", PeerRole.Site), trust.Verify(site, null, Now));
        Assert.Equal(new PeerVerdict.Accepted("hub", PeerRole.Coordinator), trust.Verify(coordinator, null, Now));
    }

    [Fact]
    public void No_certificate_is_rejected()
    {
        using var authority = TestAuthority.Create();
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.NoCertificate, trust.Verify(null, null, Now));
    }

    [Fact]
    public void A_certificate_from_another_CA_is_rejected_as_wrong_CA_even_with_a_valid_identity()
    {
        using var ours = TestAuthority.Create();
        using var theirs = TestAuthority.Create();
        using var stranger = TestAuthority.Presented(theirs.Issue("site-a"));
        using var trust = ours.Trust();

        AssertRejected(RejectionReason.WrongCa, trust.Verify(stranger, null, Now));
    }

    [Fact]
    public void A_certificate_from_an_impostor_CA_with_our_CA_s_name_is_rejected_as_wrong_CA()
    {
        using var ours = TestAuthority.Create();
        using var impostor = TestAuthority.Create();
        using var signer = impostor.SigningCertificate();
        Assert.Equal(ours.Ca.Certificate.Subject, signer.Subject);
        using var forged = HandMade.SignedBy(signer, r =>
        {
            HandMade.MutualTls(r);
            HandMade.Identity(r, "urn:fedhealth:site:site-a");
        });
        using var trust = ours.Trust();

        AssertRejected(RejectionReason.WrongCa, trust.Verify(forged, null, Now));
    }

    [Fact]
    public void An_expired_certificate_is_rejected_as_expired()
    {
        using var authority = TestAuthority.Create();
        using var old = TestAuthority.Presented(authority.Issue("old", adjust: r => r with { NotBefore = Now.AddMinutes(-30), NotAfter = Now.AddMinutes(-10) }));
        using var current = TestAuthority.Presented(authority.Issue("current"));
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.Expired, trust.Verify(old, null, Now));
        AssertRejected(RejectionReason.Expired, trust.Verify(current, null, Now.AddDays(366)));
    }

    [Fact]
    public void A_certificate_before_its_validity_is_rejected_as_not_yet_valid()
    {
        using var authority = TestAuthority.Create();
        using var future = TestAuthority.Presented(authority.Issue("future", adjust: r => r with { NotBefore = Now.AddDays(1), NotAfter = Now.AddDays(2) }));
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.NotYetValid, trust.Verify(future, null, Now));
        Assert.True(trust.Verify(future, null, Now.AddDays(1.5)).IsAccepted);
    }

    [Fact]
    public void A_certificate_revoked_after_the_trust_was_loaded_is_rejected_without_reloading_the_trust()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        using var other = TestAuthority.Presented(authority.Issue("site-b"));
        using var trust = authority.Trust();
        Assert.True(trust.Verify(site, null, Now).IsAccepted);

        authority.Ca.Revoke("site-a");

        AssertRejected(RejectionReason.Revoked, trust.Verify(site, null, Now));
        Assert.True(trust.Verify(other, null, Now).IsAccepted);
        Assert.Equal(2, trust.Crl.Number);
    }

    [Fact]
    public void The_CRL_file_is_looked_at_no_more_often_than_the_check_interval()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        var clock = new ManualClock(Now);
        using var trust = authority.Trust(new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.FromSeconds(30), Time = clock });

        authority.Ca.Revoke("site-a");
        var soon = trust.Verify(site, null, Now);
        clock.Advance(TimeSpan.FromSeconds(31));
        var later = trust.Verify(site, null, Now);

        Assert.True(soon.IsAccepted);
        AssertRejected(RejectionReason.Revoked, later);
    }

    [Fact]
    public void A_tampered_CRL_is_refused_with_a_reason_and_the_previous_CRL_stays_in_use()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        authority.Ca.Revoke("site-a");
        var problems = new List<string>();
        using var trust = authority.Trust(new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero, CrlRefused = p => problems.Add(p) });
        var good = File.ReadAllText(authority.Directory.Crl);

        File.WriteAllText(authority.Directory.Crl, Tamper.Crl(good));

        Assert.Equal(CrlReload.Refused, trust.CheckCrl());
        AssertRejected(RejectionReason.Revoked, trust.Verify(site, null, Now));
        Assert.Equal(2, trust.Crl.Number);
        Assert.Contains("signature does not verify", trust.LastCrlProblem, StringComparison.Ordinal);
        Assert.Equal([trust.LastCrlProblem!], problems);
    }

    [Fact]
    public void A_CRL_from_another_CA_garbage_or_a_deleted_file_is_refused_and_the_previous_CRL_stays_in_use()
    {
        using var authority = TestAuthority.Create();
        using var other = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        authority.Ca.Revoke("site-a");
        using var trust = authority.Trust();

        File.Copy(other.Directory.Crl, authority.Directory.Crl, overwrite: true);
        Assert.Equal(CrlReload.Refused, trust.CheckCrl());
        File.WriteAllText(authority.Directory.Crl, "garbage");
        Assert.Equal(CrlReload.Refused, trust.CheckCrl());
        File.Delete(authority.Directory.Crl);
        Assert.Equal(CrlReload.Refused, trust.CheckCrl());

        AssertRejected(RejectionReason.Revoked, trust.Verify(site, null, Now));
    }

    [Fact]
    public void An_older_CRL_put_back_in_place_is_refused_so_a_revocation_cannot_be_undone()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        var before = File.ReadAllText(authority.Directory.Crl);
        authority.Ca.Revoke("site-a");
        using var trust = authority.Trust();

        File.WriteAllText(authority.Directory.Crl, before);

        Assert.Equal(CrlReload.Refused, trust.CheckCrl());
        Assert.Contains("lower", trust.LastCrlProblem, StringComparison.Ordinal);
        AssertRejected(RejectionReason.Revoked, trust.Verify(site, null, Now));
    }

    [Fact]
    public void A_good_CRL_after_a_refused_one_is_loaded_and_clears_the_problem()
    {
        using var authority = TestAuthority.Create();
        using var trust = authority.Trust();
        File.WriteAllText(authority.Directory.Crl, "garbage");
        Assert.Equal(CrlReload.Refused, trust.CheckCrl());

        authority.Ca.PublishCrl();

        Assert.Equal(CrlReload.Loaded, trust.CheckCrl());
        Assert.Null(trust.LastCrlProblem);
        Assert.Equal(CrlReload.Unchanged, trust.CheckCrl());
    }

    [Fact]
    public void Once_the_CRL_is_past_its_next_update_peers_are_rejected_until_a_fresh_one_is_published()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.RevocationUnknown, trust.Verify(site, null, Now.AddDays(8)));
    }

    [Fact]
    public void A_certificate_without_a_FedHealth_identity_is_rejected_as_missing_identity()
    {
        using var authority = TestAuthority.Create();
        using var signer = authority.SigningCertificate();
        using var anonymous = HandMade.SignedBy(signer, HandMade.MutualTls);
        using var twoIdentities = HandMade.SignedBy(signer, r =>
        {
            HandMade.MutualTls(r);
            var names = new SubjectAlternativeNameBuilder();
            names.AddUri(new Uri("urn:fedhealth:site:a"));
            names.AddUri(new Uri("urn:fedhealth:site:b"));
            r.CertificateExtensions.Add(names.Build());
        });
        using var unknownRole = HandMade.SignedBy(signer, r =>
        {
            HandMade.MutualTls(r);
            HandMade.Identity(r, "urn:fedhealth:auditor:a");
        });
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.MissingIdentity, trust.Verify(anonymous, null, Now));
        AssertRejected(RejectionReason.MissingIdentity, trust.Verify(twoIdentities, null, Now));
        AssertRejected(RejectionReason.MissingIdentity, trust.Verify(unknownRole, null, Now));
    }

    [Fact]
    public void A_certificate_not_meant_for_mutual_TLS_is_rejected_as_wrong_usage()
    {
        using var authority = TestAuthority.Create();
        using var signer = authority.SigningCertificate();
        using var serverOnly = HandMade.SignedBy(signer, r =>
        {
            r.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));
            HandMade.Identity(r, "urn:fedhealth:site:a");
        });
        using var noUsage = HandMade.SignedBy(signer, r => HandMade.Identity(r, "urn:fedhealth:site:a"));
        using var noSignatures = HandMade.SignedBy(signer, r =>
        {
            HandMade.MutualTls(r);
            HandMade.Identity(r, "urn:fedhealth:site:a");
            r.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, true));
        });
        using var trust = authority.Trust();

        AssertRejected(RejectionReason.WrongUsage, trust.Verify(serverOnly, null, Now));
        AssertRejected(RejectionReason.WrongUsage, trust.Verify(noUsage, null, Now));
        AssertRejected(RejectionReason.WrongUsage, trust.Verify(noSignatures, null, Now));
    }

    [Fact]
    public void The_CA_certificate_itself_is_not_a_peer()
    {
        using var authority = TestAuthority.Create();
        using var trust = authority.Trust();

        Assert.False(trust.Verify(authority.Ca.Certificate, null, Now).IsAccepted);
    }

    [Fact]
    public void With_an_enrolled_set_only_enrolled_ids_are_accepted()
    {
        using var authority = TestAuthority.Create();
        using var enrolled = TestAuthority.Presented(authority.Issue("site-a"));
        using var stranger = TestAuthority.Presented(authority.Issue("site-z"));
        using var trust = authority.Trust(new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero, Enrolled = new HashSet<string> { "site-a" } });

        Assert.True(trust.Verify(enrolled, null, Now).IsAccepted);
        AssertRejected(RejectionReason.NotEnrolled, trust.Verify(stranger, null, Now));
    }

    [Fact]
    public void With_a_role_a_certificate_of_the_other_role_is_refused_even_under_an_enrolled_id()
    {
        using var authority = TestAuthority.Create();
        using var site = TestAuthority.Presented(authority.Issue("site-a"));
        using var posing = TestAuthority.Presented(authority.Issue("site-b", PeerRole.Coordinator));
        using var trust = authority.Trust(new ConsortiumTrustOptions
        {
            CrlCheckInterval = TimeSpan.Zero, Enrolled = new HashSet<string> { "site-a", "site-b" }, EnrolledRole = PeerRole.Site,
        });

        Assert.True(trust.Verify(site, null, Now).IsAccepted);
        AssertRejected(RejectionReason.NotEnrolled, trust.Verify(posing, null, Now));
    }

    [Fact]
    public void Loading_without_a_usable_CA_certificate_or_CRL_fails_with_the_reason()
    {
        using var authority = TestAuthority.Create();
        using var other = TestAuthority.Create();
        var missing = Path.Combine(TempFolder.Create(), "none.pem");

        Assert.Contains("does not exist", Assert.Throws<PkiException>(() => ConsortiumTrust.Load(missing, authority.Directory.Crl)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<PkiException>(() => ConsortiumTrust.Load(authority.Directory.Certificate, missing)).Message, StringComparison.Ordinal);
        Assert.Contains("refused", Assert.Throws<PkiException>(() => ConsortiumTrust.Load(authority.Directory.Certificate, other.Directory.Crl)).Message, StringComparison.Ordinal);
        var site = authority.Issue("site-a");
        Assert.Contains("not a CA", Assert.Throws<PkiException>(() => ConsortiumTrust.Load(site.CertificatePath, authority.Directory.Crl)).Message, StringComparison.Ordinal);
    }

    private static void AssertRejected(RejectionReason expected, PeerVerdict verdict)
    {
        var rejected = Assert.IsType<PeerVerdict.Rejected>(verdict);
        Assert.True(expected == rejected.Reason, $"expected {expected}, got {rejected}");
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }
}
