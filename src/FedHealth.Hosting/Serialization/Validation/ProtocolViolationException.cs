using System.Runtime.Serialization;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// A message refused at the wire boundary: malformed, or well-formed but outside its contract.
/// A <see cref="SerializationException"/>, as Akka expects of a serializer, with the typed
/// <see cref="Reason"/> for counting. The message text never echoes the offending value, so it is
/// safe to log (no log injection, no patient data).
/// </summary>
public sealed class ProtocolViolationException : SerializationException
{
    public ProtocolViolationException()
        : this("?", RefusalReason.Malformed, "the message is not valid")
    {
    }

    public ProtocolViolationException(string message)
        : this("?", RefusalReason.Malformed, message)
    {
    }

    public ProtocolViolationException(string message, Exception innerException)
        : this("?", RefusalReason.Malformed, message, innerException)
    {
    }

    public ProtocolViolationException(string manifest, RefusalReason reason, string problem, Exception? innerException = null)
        : base($"Refused {manifest} ({reason}): {problem}.", innerException)
    {
        Manifest = manifest;
        Reason = reason;
        Problem = problem;
    }

    /// <summary>The manifest the message arrived under (bounded and sanitised when it was unknown).</summary>
    public string Manifest { get; }

    public RefusalReason Reason { get; }

    /// <summary>What is wrong, naming the member but never its value.</summary>
    public string Problem { get; }
}
