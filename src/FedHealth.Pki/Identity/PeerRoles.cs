namespace FedHealth.Pki.Identity;

/// <summary>The text form of <see cref="PeerRole"/> used in identity URIs, the index and the command line.</summary>
public static class PeerRoles
{
    public static string ToText(this PeerRole role) => role switch
    {
        PeerRole.Site => "site",
        PeerRole.Coordinator => "coordinator",
        PeerRole.Operator => "operator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool TryParse(string? text, out PeerRole role)
    {
        switch (text)
        {
            case "site":
                role = PeerRole.Site;
                return true;
            case "coordinator":
                role = PeerRole.Coordinator;
                return true;
            case "operator":
                role = PeerRole.Operator;
                return true;
            default:
                role = default;
                return false;
        }
    }

    public static PeerRole Parse(string text) =>
        TryParse(text, out var role) ? role : throw new PkiException($"'{text}' is not a role: use 'site', 'coordinator' or 'operator'.");
}
