using FedHealth.Audit.Signing;
using FedHealth.Audit.Verification;

namespace FedHealth.Audit.Tests;

public sealed class AuditKeyBindingSpecs
{
    [Fact]
    public void A_trail_bound_to_its_certificate_verifies_against_the_issuing_authority()
    {
        var (authority, site) = TrailFixture.Certificates();
        using (authority)
        using (site)
        using (var fixture = new TrailFixture(site))
        {
            var verdict = AuditVerifier.Verify(fixture.Entries(), authority);

            Assert.True(verdict.Intact, verdict.Reason);
            Assert.Equal(["CN=site-1"], verdict.Certificates);
        }
    }

    [Fact]
    public void A_trail_bound_to_a_certificate_of_another_authority_is_refused()
    {
        var (authority, _) = TrailFixture.Certificates();
        var (_, stranger) = TrailFixture.Certificates();
        using (authority)
        using (stranger)
        using (var fixture = new TrailFixture(stranger))
        {
            var verdict = AuditVerifier.Verify(fixture.Entries(), authority);

            Assert.Equal(1, verdict.FirstBad);
            Assert.Contains("not issued by the given CA", verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_self_declared_key_is_refused_when_an_authority_is_asked_for()
    {
        var (authority, _) = TrailFixture.Certificates();
        using (authority)
        using (var fixture = new TrailFixture())
        {
            Assert.True(AuditVerifier.Verify(fixture.Entries()).Intact);
            Assert.Equal(1, AuditVerifier.Verify(fixture.Entries(), authority).FirstBad);
        }
    }

    [Fact]
    public void A_binding_made_for_another_service_does_not_verify()
    {
        var (authority, site) = TrailFixture.Certificates();
        using (authority)
        using (site)
        {
            var key = new byte[32];
            var signature = AuditKeyBinding.Sign(site, "site-1", key);

            Assert.Null(AuditKeyBinding.Refusal(site, "site-1", key, signature));
            Assert.NotNull(AuditKeyBinding.Refusal(site, "site-2", key, signature));
        }
    }

    [Fact]
    public void The_audit_key_file_is_readable_by_its_owner_only_and_reused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fh-audit-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = AuditKeyFile.LoadOrCreate(directory);
            using var second = AuditKeyFile.LoadOrCreate(directory);

            Assert.Equal(first.PublicKey, second.PublicKey);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, AuditKeyFile.FileName)));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
