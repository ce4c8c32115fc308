namespace FedHealth.Pki.Passwords;

/// <summary>A password for a new PKCS#12 file and whether it was generated here. <see cref="ToString"/> never shows the value.</summary>
public sealed record ChosenPassword(string Value, bool Generated)
{
    public override string ToString() => Generated ? "a generated password" : "a chosen password";
}
