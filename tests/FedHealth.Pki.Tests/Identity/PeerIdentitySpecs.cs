using FedHealth.Pki.Identity;

namespace FedHealth.Pki.Tests.Identity;

public sealed class PeerIdentitySpecs
{
    [Theory]
    [InlineData("urn:fedhealth:site:site-a", "site-a", PeerRole.Site)]
    [InlineData("urn:fedhealth:coordinator:hub.1", "hub.1", PeerRole.Coordinator)]
    public void Identity_URIs_round_trip(string uri, string id, PeerRole role)
    {
        Assert.True(PeerIdentity.TryParseUri(uri, out var identity));

        Assert.Equal(new PeerIdentity(id, role), identity);
        Assert.Equal(uri, identity!.Uri);
    }

    [Theory]
    [InlineData("urn:fedhealth:site:")]
    [InlineData("urn:fedhealth:nurse:a")]
    [InlineData("urn:fedhealth:site:a:b")]
    [InlineData("urn:other:site:a")]
    [InlineData("URN:FEDHEALTH:site:a")]
    [InlineData("https://example.org/site/a")]
    public void Anything_else_is_not_an_identity(string uri)
    {
        Assert.False(PeerIdentity.TryParseUri(uri, out _));
    }
}
