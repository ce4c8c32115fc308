using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// Before round 1, as a child of the study: pools the sites' feature statistics by secure
/// aggregation, one <see cref="StatisticsActor"/> per attempt. A failed attempt (too many
/// dropouts) is retried with a fresh session and the sites connected then, up to the options'
/// attempts; replies once with <see cref="StatisticsStageCompleted"/> and stops.
/// </summary>
public sealed class StatisticsStageActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly StudyId _study;
    private readonly FederatedStatisticsOptions _options;
    private readonly SecureRoundSettings _secure;
    private readonly IActorRef _registry;
    private readonly IUploadReceiver? _uploads;
    private RegisteredSites _sites;
    private IActorRef? _attemptActor;
    private int _attempt;

    public StatisticsStageActor(
        StudyId study, FederatedStatisticsOptions options, SecureRoundSettings secure, IActorRef registry, IUploadReceiver? uploads, RegisteredSites sites)
    {
        _study = study;
        _options = options;
        _secure = secure;
        _registry = registry;
        _uploads = uploads;
        _sites = sites;
        Receive<StatisticsCompleted>(OnAttemptCompleted);
        Receive<RegisteredSites>(Attempt);
        Receive<Terminated>(m => m.ActorRef.Equals(_attemptActor), _ => Reply(null, "pooling the feature statistics failed unexpectedly (see the coordinator log)"));
    }

    public static Props Props(
        StudyId study, FederatedStatisticsOptions options, SecureRoundSettings secure, IActorRef registry, IUploadReceiver? uploads, RegisteredSites sites) =>
        Akka.Actor.Props.Create(() => new StatisticsStageActor(study, options, secure, registry, uploads, sites));

    protected override void PreStart() => Attempt(_sites);

    private void Attempt(RegisteredSites sites)
    {
        _sites = sites;
        _attempt++;

        // Statistics sessions are numbered 0, −1, −2, …: never a training round's number.
        var plan = new StatisticsPlan(_study, 1 - _attempt, sites.Sites, _options, _secure.WithEnrolments(sites.Enrolments))
        {
            Uploads = _uploads,
        };
        _attemptActor = Context.ActorOf(StatisticsActor.Props(plan), $"attempt-{_attempt}");
        Context.Watch(_attemptActor);
        _log.Info("Study {Study}: pooling feature statistics over {Sites} sites (attempt {Attempt} of {Attempts})",
            _study, sites.Sites.Count, _attempt, _options.Attempts);
    }

    private void OnAttemptCompleted(StatisticsCompleted message)
    {
        Context.Unwatch(_attemptActor);
        _attemptActor = null;
        if (message.Succeeded)
        {
            var summary = new StatisticsSummary(message.Contributors, message.Prepared, message.Failures, _attempt)
            {
                RefusedMessages = message.RefusedMessages,
                Pooled = message.Pooled,
            };
            var prepared = message.Prepared.Where(_sites.Sites.ContainsKey).Select(site => _sites.Sites[site]).ToList();
            Reply(new StatisticsStageCompleted(summary, message.Pooled, prepared, null), null);
            return;
        }

        if (_attempt >= _options.Attempts)
        {
            Reply(null, $"the feature statistics could not be pooled in {_attempt} attempts: {message.FailureReason}");
            return;
        }

        _registry.Tell(GetRegisteredSites.Instance);
    }

    private void Reply(StatisticsStageCompleted? completed, string? failure)
    {
        Context.Parent.Tell(completed ?? new StatisticsStageCompleted(null, null, [], failure));
        Context.Stop(Self);
    }
}
