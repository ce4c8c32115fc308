using FedHealth.Hosting.Serialization.Validation;

namespace FedHealth.Hosting.Serialization.Fuzzing;

/// <summary>
/// Reads one payload as the serializer would and classifies the result. The contract: a typed
/// refusal, or a message that passed validation and round-trips to the same bytes; anything else
/// (another exception type, a message that changes when re-encoded) is unexpected.
/// </summary>
public static class WireProbe
{
    public static FuzzOutcome Probe(byte[] payload, string manifest)
    {
        object message;
        try
        {
            message = WireFormat.Deserialize(payload, manifest);
        }
        catch (ProtocolViolationException refused)
        {
            return FuzzOutcome.Refuse(refused.Reason);
        }
        catch (Exception ex)
        {
            return FuzzOutcome.Fail(ex);
        }

        try
        {
            var encoded = WireFormat.Serialize(message);
            var again = WireFormat.Serialize(WireFormat.Deserialize(encoded, manifest));
            return encoded.AsSpan().SequenceEqual(again)
                ? FuzzOutcome.Accept
                : FuzzOutcome.Fail(new InvalidDataException($"An accepted {manifest} does not round-trip to the same bytes."));
        }
        catch (Exception ex)
        {
            return FuzzOutcome.Fail(new InvalidDataException($"An accepted {manifest} does not round-trip.", ex));
        }
    }
}
