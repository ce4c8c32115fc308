using System.Security.Cryptography;
using Akka.Actor;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent.Replies;

namespace FedHealth.WebConsole.Hospital;

/// <summary>
/// Subscribes to <see cref="SiteMessageSent"/> on the EventStream and records, for this site's
/// messages, their kind, size and hash in the wire format (the bytes the serializer puts on the wire).
/// </summary>
public sealed class HospitalBoardActor : ReceiveActor
{
    public HospitalBoardActor(HospitalBoard board)
    {
        Receive<SiteMessageSent>(m => m.Site == board.Site, m => board.Record(Describe(m)));
        Receive<SiteMessageSent>(_ => { });
    }

    public static Props Props(HospitalBoard board) => Akka.Actor.Props.Create(() => new HospitalBoardActor(board));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private SentMessage Describe(SiteMessageSent sent)
    {
        var message = sent.Message;
        var bytes = Context.System.Serialization.FindSerializerFor(message).ToBinary(message);
        var reason = message is StageFailed failed ? failed.Reason : null;
        return new SentMessage(
            message.GetType().Name, message.Study.Value, message.Round, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), sent.At, reason);
    }
}
