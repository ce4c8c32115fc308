using System.Collections.Frozen;
using FedHealth.Core.Weights;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>Every protocol message's contract, by type: the one lookup the wire format validates through.</summary>
public static class MessageContracts
{
    private static readonly FrozenDictionary<Type, Action<object, WireCheck>> ByType =
        RoundContracts.All
            .Concat(RegistrationContracts.All)
            .Concat(SecureAggregationContracts.All)
            .Concat(StatisticsContracts.All)
            .Concat(DeliveryContracts.All)
            .ToFrozenDictionary(c => c.MessageType, c => c.Check);

    public static bool Covers(Type type) => ByType.ContainsKey(type);

    /// <exception cref="ProtocolViolationException">The message breaks its contract, or has none.</exception>
    public static void Validate(string manifest, object message)
    {
        if (!ByType.TryGetValue(message.GetType(), out var check))
        {
            throw new ProtocolViolationException(manifest, RefusalReason.UnknownManifest, "no contract is declared for this message");
        }

        check(message, new WireCheck(manifest));
    }

    /// <exception cref="ProtocolViolationException">A value is not finite.</exception>
    public static void ValidateWeights(ModelWeights weights) => new WireCheck(nameof(ModelWeights)).Weights(weights, nameof(ModelWeights));
}
