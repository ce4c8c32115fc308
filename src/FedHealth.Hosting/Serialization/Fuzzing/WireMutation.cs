namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>
/// One change to a valid payload. <see cref="Position"/> and <see cref="Value"/> are taken modulo
/// what they index (the payload's length, the message's members, <see cref="HostileValues"/>), so any
/// pair of numbers is a valid mutation and generators need not know the payload.
/// </summary>
public sealed record WireMutation(MutationKind Kind, int Position, int Value);
