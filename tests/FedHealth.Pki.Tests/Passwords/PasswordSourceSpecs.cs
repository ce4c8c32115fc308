using FedHealth.Pki.Passwords;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Passwords;

public sealed class PasswordSourceSpecs
{
    [Fact]
    public void A_password_file_is_read_without_its_trailing_line_break()
    {
        var file = TempFolder.WriteFile("s3cret with spaces \r\n");

        Assert.Equal("s3cret with spaces ", PasswordSource.FromFile(file).Read());
    }

    [Fact]
    public void A_missing_or_empty_source_is_a_clear_error_that_names_the_source_but_no_secret()
    {
        var missing = Path.Combine(TempFolder.Create(), "nope.pass");
        var empty = TempFolder.WriteFile("\n");
        var unset = "FEDHEALTH_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        Assert.Contains("does not exist", Assert.Throws<PkiException>(() => PasswordSource.FromFile(missing).Read()).Message, StringComparison.Ordinal);
        Assert.Contains("is empty", Assert.Throws<PkiException>(() => PasswordSource.FromFile(empty).Read()).Message, StringComparison.Ordinal);
        Assert.Contains(unset, Assert.Throws<PkiException>(() => PasswordSource.FromEnvironment(unset).Read()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_passwords_are_256_random_bits_in_base64url()
    {
        var passwords = Enumerable.Range(0, 20).Select(_ => NewPassword.Generate()).ToList();

        Assert.All(passwords, p => Assert.Matches("^[A-Za-z0-9_-]{43}$", p));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void A_chosen_password_shorter_than_12_characters_is_refused()
    {
        var error = Assert.Throws<PkiException>(() => NewPassword.Resolve(PasswordSource.FromFile(TempFolder.WriteFile("tiny-pw"))));

        Assert.Contains("at least 12", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_password_never_shows_its_value_when_printed()
    {
        var chosen = new ChosenPassword("hunter2hunter2", Generated: false);

        Assert.DoesNotContain("hunter2", chosen.ToString(), StringComparison.Ordinal);
    }
}
