using System.Globalization;
using Akka.Event;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Recording;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Node.Policy;

namespace FedHealth.Node.Audit;

/// <summary>
/// A site's actions as audit events on the EventStream: every protocol message it received and
/// exactly what it sent (type, wire size and hash, added by the audit actor), each ε charged to
/// its own ledger, each instruction it refused. Never weights, rows or a patient value.
/// </summary>
internal sealed class NodeAudit(SiteId site, EventStream stream)
{
    private readonly string _service = site.Value;

    public void Received(IProtocolMessage message) =>
        stream.Publish(AuditEvent.Of(_service, AuditKinds.MessageReceived, StudyOf(message), RoundOf(message)) with { Message = message });

    /// <param name="via">How it left: <c>message</c>, or <c>upload</c> when its bytes went over the transfer channel after an offer.</param>
    public void Sent(IRoundMessage message, string via = "message") =>
        stream.Publish(AuditEvent.Of(_service, AuditKinds.MessageSent, message.Study.Value, message.Round, ("via", via)) with { Message = message });

    public void Charged(SiteCharge charge) =>
        stream.Publish(AuditEvent.Of(_service, AuditKinds.PrivacyCharged, charge.Study.Value, charge.Round,
            ("epsilon", Text(charge.Epsilon)), ("steps", charge.Steps.ToString(CultureInfo.InvariantCulture)),
            ("noise_multiplier", Text(charge.NoiseMultiplier)), ("sampling_rate", Text(charge.SamplingRate))));

    public void Refused(IRoundMessage instruction, string reason) =>
        stream.Publish(AuditEvent.Of(_service, AuditKinds.InstructionRefused, instruction.Study.Value, instruction.Round,
            ("type", instruction.GetType().Name), ("reason", reason)));

    private static string? StudyOf(IProtocolMessage message) => message is IRoundMessage r ? r.Study.Value : null;

    private static int? RoundOf(IProtocolMessage message) => message is IRoundMessage r ? r.Round : null;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
