using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>What the wire format made of one payload: accepted (and round-tripped), refused for a reason, or something else (a bug).</summary>
public readonly record struct FuzzOutcome(bool Accepted, RefusalReason? Refused, Exception? Unexpected)
{
    public static FuzzOutcome Accept { get; } = new(true, null, null);

    public static FuzzOutcome Refuse(RefusalReason reason) => new(false, reason, null);

    public static FuzzOutcome Fail(Exception exception) => new(false, null, exception);
}
