using System.Globalization;
using Akka.Event;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Recording;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Audit;

/// <summary>
/// The coordinator's actions as audit events, published on the EventStream (the host's audit
/// actor, when there is one, appends them to the coordinator's trail; without one they cost a
/// publish). Only ids, counts, hashes, ε and reasons: never weights or a patient value.
/// </summary>
public static class CoordinatorAudit
{
    private const string Service = AuditEvent.Coordinator;

    public static void StudyCreated(EventStream stream, StudyId study, string configHash, int rounds, IEnumerable<string> sites) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.StudyCreated, study.Value, null,
            ("config_sha256", configHash), ("rounds", Text(rounds)), ("sites", string.Join(",", sites))));

    public static void SiteRegistered(EventStream stream, SiteId site) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.SiteRegistered, null, null, ("site", site.Value)));

    public static void SiteRefused(EventStream stream, SiteId site, string reason) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.SiteRefused, null, null, ("site", site.Value), ("reason", reason)));

    public static void SiteRevoked(EventStream stream, SiteId site, string reason) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.SiteRevoked, null, null, ("site", site.Value), ("reason", reason)));

    public static void RoundStarted(EventStream stream, StudyId study, int round, IEnumerable<SiteId> connected) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.RoundStarted, study.Value, round, ("connected_sites", Sites(connected))));

    /// <summary>A message a round or secure session accepted from the site registered for it.</summary>
    public static void MessageReceived(EventStream stream, ISiteMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Publish(stream, AuditEvent.Of(Service, AuditKinds.MessageReceived, message.Study.Value, message.Round, ("site", message.Site.Value)) with { Message = message });
    }

    /// <summary>A committed round: who was sampled and delivered, each dropout, the privacy charged and the model released.</summary>
    public static void RoundCommitted(EventStream stream, StudyId study, RoundRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var s = study.Value;
        Publish(stream, AuditEvent.Of(Service, AuditKinds.RoundCommitted, s, record.Round,
            ("sampled", Sites(record.SitesSampled)), ("succeeded", Sites(record.SitesSucceeded)),
            ("failures", string.Join("; ", record.Failures.Select(f => $"{f.Site} ({f.Stage}): {f.Reason}"))),
            ("model_updated", record.ModelUpdated ? "true" : "false"), ("abort_reason", record.AbortReason ?? string.Empty)));
        foreach (var dropout in record.Dropouts)
        {
            Publish(stream, AuditEvent.Of(Service, AuditKinds.SiteDropped, s, record.Round, ("site", dropout.Site.Value), ("stage", dropout.Stage), ("reason", dropout.Reason)));
        }

        if (record.ModelUpdated && record.Privacy is { } privacy)
        {
            Publish(stream, AuditEvent.Of(Service, AuditKinds.PrivacyCharged, s, record.Round,
                ("epsilon_record_total", Text(privacy.EpsilonRecord)), ("epsilon_site_total", Text(privacy.EpsilonSite)), ("delta", Text(privacy.Delta))));
        }

        if (record.ModelUpdated)
        {
            Publish(stream, AuditEvent.Of(Service, AuditKinds.ModelReleased, s, record.Round, ("model_sha256", record.ModelHash)));
        }
    }

    public static void StudyFinished(EventStream stream, StudyId study, string status, string? reason) =>
        Publish(stream, AuditEvent.Of(Service, AuditKinds.StudyFinished, study.Value, null, ("status", status), ("reason", reason ?? string.Empty)));

    private static void Publish(EventStream stream, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Publish(audit);
    }

    private static string Sites(IEnumerable<SiteId> sites) => string.Join(",", sites.Select(s => s.Value));

    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
