using FedHealth.Pki.Identity;
using FedHealth.Pki.Tests.Support;
using FedHealth.Pki.Trust;

namespace FedHealth.Pki.Tests.Trust;

/// <summary>The <c>operator</c> role: a person's certificate for the web consoles, never a protocol peer's.</summary>
public sealed class OperatorRoleSpecs
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void An_operator_certificate_carries_its_role_and_is_accepted_by_a_trust_that_admits_any_id()
    {
        using var authority = TestAuthority.Create();
        using var alice = TestAuthority.Presented(authority.Issue("alice", PeerRole.Operator));
        using var trust = authority.Trust();

        Assert.Equal(new PeerVerdict.Accepted("alice", PeerRole.Operator), trust.Verify(alice, null, Now));
    }

    [Fact]
    public void An_operator_certificate_is_refused_on_protocol_connections_even_when_its_id_is_enrolled()
    {
        using var authority = TestAuthority.Create();
        using var operatorNamedLikeTheCoordinator = TestAuthority.Presented(authority.Issue("hub", PeerRole.Operator));
        using var trust = authority.Trust(new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero, Enrolled = new HashSet<string> { "hub" } });

        var verdict = Assert.IsType<PeerVerdict.Rejected>(trust.Verify(operatorNamedLikeTheCoordinator, null, Now));

        Assert.Equal(RejectionReason.WrongUsage, verdict.Reason);
        Assert.Contains("console certificate", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator", PeerRole.Operator)]
    [InlineData("site", PeerRole.Site)]
    [InlineData("coordinator", PeerRole.Coordinator)]
    public void The_roles_read_and_write_as_their_command_line_words(string text, PeerRole role)
    {
        Assert.Equal(role, PeerRoles.Parse(text));
        Assert.Equal(text, role.ToText());
    }

    [Fact]
    public void An_unknown_role_is_refused_listing_the_three()
    {
        var error = Assert.Throws<PkiException>(() => PeerRoles.Parse("admin"));

        Assert.Contains("'site', 'coordinator' or 'operator'", error.Message, StringComparison.Ordinal);
    }
}
