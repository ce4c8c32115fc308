using FedHealth.Pki.Authority;
using FedHealth.Pki.Revocation;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Revocation;

public sealed class RevokeSpecs
{
    [Fact]
    public void Revoking_marks_the_index_and_publishes_a_CRL_with_the_next_number_that_lists_the_serial()
    {
        using var authority = TestAuthority.Create();
        var issued = authority.Issue("site-a");
        authority.Issue("site-b");

        var result = authority.Ca.Revoke("site-a");

        Assert.Equal(issued.Entry.Serial, Assert.Single(result.NewlyRevoked).Serial);
        Assert.Equal(2, result.CrlNumber);
        var crl = SignedCrl.Parse(File.ReadAllText(authority.Directory.Crl), authority.Ca.Certificate);
        Assert.Equal(2, crl.Number);
        Assert.Equal(1, crl.RevokedCount);
        using var revoked = TestAuthority.Presented(issued);
        Assert.True(crl.IsRevoked(revoked));
        Assert.Equal(crl.ThisUpdate.AddDays(7), crl.NextUpdate);
        var index = CertificateAuthority.ReadIndex(authority.Directory.Path);
        Assert.NotNull(index.For("site-a").Single().RevokedAt);
        Assert.Null(index.For("site-b").Single().RevokedAt);
        Assert.Equal(2, index.CrlNumber);
    }

    [Fact]
    public void Revoking_again_revokes_nothing_new_but_republishes_the_CRL()
    {
        using var authority = TestAuthority.Create();
        authority.Issue("site-a");
        authority.Ca.Revoke("site-a");

        var again = authority.Ca.Revoke("site-a", crlValidity: TimeSpan.FromDays(1));

        Assert.Empty(again.NewlyRevoked);
        Assert.Equal(3, again.CrlNumber);
        var crl = SignedCrl.Parse(File.ReadAllText(authority.Directory.Crl), authority.Ca.Certificate);
        Assert.Equal(1, crl.RevokedCount);
        Assert.Equal(crl.ThisUpdate.AddDays(1), crl.NextUpdate);
    }

    [Fact]
    public void A_serial_revokes_only_that_certificate_of_the_id()
    {
        using var authority = TestAuthority.Create();
        var old = authority.Issue("site-a");
        var current = authority.Issue("site-a", adjust: r => r with { Force = true });

        var result = authority.Ca.Revoke("site-a", old.Entry.Serial.ToLowerInvariant());

        Assert.Equal(old.Entry.Serial, Assert.Single(result.NewlyRevoked).Serial);
        Assert.Null(CertificateAuthority.ReadIndex(authority.Directory.Path).For("site-a").Single(e => e.Serial == current.Entry.Serial).RevokedAt);
    }

    [Fact]
    public void Revoking_an_id_that_was_never_issued_is_refused_and_the_CRL_is_unchanged()
    {
        using var authority = TestAuthority.Create();
        var crl = File.ReadAllText(authority.Directory.Crl);

        var error = Assert.Throws<PkiException>(() => authority.Ca.Revoke("ghost"));

        Assert.Contains("No certificate was issued to 'ghost'", error.Message, StringComparison.Ordinal);
        Assert.Equal(crl, File.ReadAllText(authority.Directory.Crl));
    }

    [Fact]
    public void Publishing_refreshes_the_CRL_with_the_same_revocations()
    {
        using var authority = TestAuthority.Create();
        authority.Issue("site-a");
        authority.Ca.Revoke("site-a");

        var published = authority.Ca.PublishCrl();

        Assert.Equal(3, published.CrlNumber);
        Assert.Equal(1, SignedCrl.Parse(File.ReadAllText(authority.Directory.Crl), authority.Ca.Certificate).RevokedCount);
    }

    [Fact]
    public void A_CRL_signed_by_another_CA_or_altered_does_not_parse()
    {
        using var authority = TestAuthority.Create();
        using var other = TestAuthority.Create();
        var pem = File.ReadAllText(authority.Directory.Crl);

        var foreign = Assert.Throws<PkiException>(() => SignedCrl.Parse(File.ReadAllText(other.Directory.Crl), authority.Ca.Certificate));
        var altered = Assert.Throws<PkiException>(() => SignedCrl.Parse(Tamper.Crl(pem), authority.Ca.Certificate));

        Assert.Contains("signature does not verify", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("signature does not verify", altered.Message, StringComparison.Ordinal);
        Assert.Throws<PkiException>(() => SignedCrl.Parse("not a crl", authority.Ca.Certificate));
    }
}
