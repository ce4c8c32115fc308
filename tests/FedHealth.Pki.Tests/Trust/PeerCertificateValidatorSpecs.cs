using System.Net.Security;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Tests.Support;
using FedHealth.Pki.Trust;

namespace FedHealth.Pki.Tests.Trust;

public sealed class PeerCertificateValidatorSpecs
{
    [Fact]
    public void The_callback_accepts_only_accepted_peers_whatever_the_TLS_stack_thought_of_the_chain()
    {
        using var ours = TestAuthority.Create();
        using var theirs = TestAuthority.Create();
        using var member = TestAuthority.Presented(ours.Issue("site-a"));
        using var stranger = TestAuthority.Presented(theirs.Issue("site-a"));
        using var trust = ours.Trust();
        var validator = new PeerCertificateValidator(trust);

        Assert.True(validator.Callback(new object(), member, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator.Callback(new object(), stranger, null, SslPolicyErrors.None));
        Assert.False(validator.Function(null!, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Verdicts_are_recorded_per_connection_and_rejections_counted_per_reason()
    {
        using var ours = TestAuthority.Create();
        using var theirs = TestAuthority.Create();
        using var member = TestAuthority.Presented(ours.Issue("site-a"));
        using var stranger = TestAuthority.Presented(theirs.Issue("site-b"));
        using var trust = ours.Trust();
        var seen = new List<PeerVerdict>();
        var validator = new PeerCertificateValidator(trust, seen.Add);
        var (first, second) = (new object(), new object());

        validator.Validate(first, member, null, SslPolicyErrors.None);
        validator.Validate(second, stranger, null, SslPolicyErrors.None);
        validator.Validate(second, stranger, null, SslPolicyErrors.None);
        validator.Validate(new object(), null, null, SslPolicyErrors.RemoteCertificateNotAvailable);

        Assert.Equal(new PeerVerdict.Accepted("site-a", PeerRole.Site), validator.VerdictFor(first));
        Assert.Equal(RejectionReason.WrongCa, Assert.IsType<PeerVerdict.Rejected>(validator.VerdictFor(second)).Reason);
        Assert.Equal(1, validator.Accepted);
        Assert.Equal(2, validator.Rejections(RejectionReason.WrongCa));
        Assert.Equal(1, validator.Rejections(RejectionReason.NoCertificate));
        Assert.Equal(0, validator.RejectionCounts()[RejectionReason.Revoked]);
        Assert.Equal(4, seen.Count);
        Assert.Equal(RejectionReason.NoCertificate, Assert.IsType<PeerVerdict.Rejected>(validator.LastVerdict).Reason);
    }

    [Fact]
    public void Counters_are_exact_under_concurrent_handshakes()
    {
        using var ours = TestAuthority.Create();
        using var member = TestAuthority.Presented(ours.Issue("site-a"));
        using var trust = ours.Trust(new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero });
        var validator = new PeerCertificateValidator(trust);

        Parallel.For(0, 400, i => validator.Validate(new object(), i % 2 == 0 ? member : null, null, SslPolicyErrors.None));

        Assert.Equal(200, validator.Accepted);
        Assert.Equal(200, validator.Rejections(RejectionReason.NoCertificate));
    }
}
