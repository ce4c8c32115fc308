using FedHealth.Pki.Identity;

namespace FedHealth.Pki.Trust;

/// <summary>The outcome of checking a peer's certificate: who it is, or why it was refused.</summary>
public abstract record PeerVerdict
{
    private PeerVerdict()
    {
    }

    public bool IsAccepted => this is Accepted;

    /// <summary>A consortium member, identified by its certificate's identity URI.</summary>
    public sealed record Accepted(string Id, PeerRole Role) : PeerVerdict
    {
        public override string ToString() => $"accepted {Role.ToText()} '{Id}'";
    }

    /// <summary>A refusal with its reason and a sentence for the log (no secrets, no key material).</summary>
    public sealed record Rejected(RejectionReason Reason, string Message) : PeerVerdict
    {
        public override string ToString() => $"rejected ({Reason}): {Message}";
    }
}
