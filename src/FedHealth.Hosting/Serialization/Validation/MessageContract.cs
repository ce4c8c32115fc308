namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>The contract of one protocol message type: a check that throws when it is not met.</summary>
internal sealed record MessageContract(Type MessageType, Action<object, WireCheck> Check)
{
    public static MessageContract For<T>(Action<T, WireCheck> check)
        where T : class =>
        new(typeof(T), (message, wire) => check((T)message, wire));
}
