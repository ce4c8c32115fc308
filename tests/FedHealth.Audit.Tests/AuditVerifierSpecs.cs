using FedHealth.Audit.Chain;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Export;
using FedHealth.Audit.Verification;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Audit.Tests;

public sealed class AuditVerifierSpecs
{
    [Fact]
    public void A_trail_as_written_is_intact()
    {
        using var fixture = new TrailFixture();

        var verdict = AuditVerifier.Verify(fixture.Entries());

        Assert.True(verdict.Intact, verdict.Reason);
        Assert.Equal(5, verdict.Entries);
        Assert.Equal("site-1", verdict.Service);
    }

    [Fact]
    public void An_edited_entry_is_named_as_the_first_bad_one()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().ToList();
        entries[2] = entries[2] with { Data = entries[2].Data.SetItem("epsilon", "0.01") };

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(3, verdict.FirstBad);
        Assert.Contains("edited", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_fails_its_signature()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().ToList();
        var edited = entries[2] with { Data = entries[2].Data.SetItem("epsilon", "0.01") };
        entries[2] = edited with { Hash = EntryDigest.Of(edited) };

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(3, verdict.FirstBad);
        Assert.Contains("signature", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_entry_is_named_by_the_entry_after_it()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().ToList();
        entries.RemoveAt(2);

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(3, verdict.FirstBad);
        Assert.Contains("sequence is 4 where 3 was expected", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_reordered_entries_are_named_at_the_first_of_them()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().ToList();
        (entries[3], entries[4]) = (entries[4], entries[3]);

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(4, verdict.FirstBad);
        Assert.Contains("deleted, inserted or moved", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inserted_entry_that_chains_correctly_is_caught_by_its_signature()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().ToList();
        using var forger = Ed25519SigningKey.Generate();
        var before = entries[1];
        var data = TrailFixture.Data(("epsilon", "0.00"));
        var hash = EntryDigest.Of(3, before.At, before.Service, AuditKinds.PrivacyCharged, "study-a", 1, data, before.Hash);
        var forged = new AuditEntry(3, before.At, before.Service, AuditKinds.PrivacyCharged, "study-a", 1, data, before.Hash, hash,
            Convert.ToHexStringLower(forger.Sign(Convert.FromHexString(hash))));
        entries.Insert(2, forged);

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(3, verdict.FirstBad);
        Assert.Contains("signature", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trail_whose_first_entry_was_removed_declares_no_key()
    {
        using var fixture = new TrailFixture();
        var entries = fixture.Entries().Skip(1).Select(e => e).ToList();

        var verdict = AuditVerifier.Verify(entries);

        Assert.Equal(1, verdict.FirstBad);
    }

    [Fact]
    public void A_trail_opened_again_appends_after_its_head_with_the_same_key()
    {
        using var fixture = new TrailFixture();
        using (var again = AuditTrail.Open(fixture.Directory, "site-1", certificate: null))
        {
            again.Append(AuditKinds.MessageSent, "study-a", 3, TrailFixture.Data(("type", "FitReply")));
        }

        var entries = fixture.Entries();
        var verdict = AuditVerifier.Verify(entries);

        Assert.True(verdict.Intact, verdict.Reason);
        Assert.Equal(7, entries.Count);
        Assert.Equal(entries[0].Data["audit_public_key"], entries[5].Data["audit_public_key"]);
    }

    [Fact]
    public void An_export_reads_back_to_the_same_entries_and_stays_intact()
    {
        using var fixture = new TrailFixture();
        var writer = new StringWriter();
        AuditJsonl.Write(fixture.Entries(), writer);

        var read = AuditJsonl.Read(new StringReader(writer.ToString()));

        Assert.True(AuditVerifier.Verify(read).Intact);
        Assert.Equal(fixture.Entries().Select(e => e.Hash), read.Select(e => e.Hash));
    }

    [Fact]
    public void A_line_of_an_export_that_is_not_an_entry_is_named_by_its_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => AuditJsonl.Read(new StringReader("{\"sequence\":1}\nnot json\n")));

        Assert.StartsWith("line 1 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_writer_of_the_same_trail_is_refused_naming_the_directory()
    {
        using var fixture = new TrailFixture();
        using var first = AuditTrail.Open(fixture.Directory, "site-1", certificate: null);

        var error = Assert.Throws<IOException>(() => AuditTrail.Open(fixture.Directory, "site-1", certificate: null));

        Assert.Contains(fixture.Directory, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trail_of_another_service_is_not_continued()
    {
        using var fixture = new TrailFixture();

        var error = Assert.Throws<InvalidOperationException>(() => AuditTrail.Open(fixture.Directory, "site-2", certificate: null));

        Assert.Contains("belongs to 'site-1'", error.Message, StringComparison.Ordinal);
    }
}
