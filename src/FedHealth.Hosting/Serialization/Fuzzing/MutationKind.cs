namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>How one <see cref="WireMutation"/> changes a payload.</summary>
public enum MutationKind
{
    FlipBit,
    SetByte,
    Truncate,
    InsertByte,
    DeleteByte,

    /// <summary>Replaces one top-level member of the message with a hostile MessagePack value.</summary>
    ReplaceMember,
}
