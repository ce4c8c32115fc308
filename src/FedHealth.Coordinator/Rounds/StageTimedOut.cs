using Akka.Actor;
using Akka.Event;

namespace FedHealth.Coordinator.Rounds;

/// <summary>The round's own timer: the named stage's deadline passed.</summary>
internal sealed record StageTimedOut(string Stage) : INoSerializationVerificationNeeded
{
    public static StageTimedOut Fit { get; } = new("fit");

    public static StageTimedOut Evaluate { get; } = new("evaluate");

    public static StageTimedOut Secure { get; } = new("secure-aggregation");

    public static StageTimedOut Statistics { get; } = new("statistics");
}
