using Akka.Actor;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;

namespace FedHealth.Node.SecureAggregation;

/// <summary>A site's state in one secure session (a training round or the statistics stage): its protocol client and its encoded input once ready.</summary>
internal sealed class SecureRound(IRoundMessage instruction, IActorRef round, SecAggClient client, SecAggStage? vanishAt) : IDisposable
{
    /// <summary>What started the session: a secure <see cref="FitInstruction"/> or a statistics instruction.</summary>
    public IRoundMessage Instruction { get; } = instruction;

    /// <summary>The round actor that asked; protocol replies go to it.</summary>
    public IActorRef RoundActor { get; } = round;

    public SecAggClient Client { get; } = client;

    /// <summary>The simulated stage at which this site vanishes this round (simulation only).</summary>
    public SecAggStage? VanishAt { get; } = vanishAt;

    public bool Vanished { get; set; }

    /// <summary>The quantized, weighted update; null until local training is done.</summary>
    public ulong[]? Encoded { get; set; }

    /// <summary>The shares that arrived before training finished; answered as soon as it does.</summary>
    public SecAggForwardedShares? PendingShares { get; set; }

    public void Dispose() => Client.Dispose();
}
