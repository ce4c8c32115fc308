using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Node.Agent.Registration;

/// <summary>
/// The node agent's registration with the coordinator, as its child: registers in the agent's
/// name (the agent is the actor the registry binds to the site), answers the registry's challenge,
/// retries with backoff (1 s … 30 s) until confirmed, and starts again whenever the coordinator is
/// lost. The agent forwards the registry's answers here and hears <see cref="Registered"/> back.
/// </summary>
internal sealed class RegistrationActor : ReceiveActor, IWithTimers
{
    private const string RetryTimer = "register";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SiteId _site;
    private readonly ActorSelection _registry;
    private readonly SiteEnrolment? _enrolment;
    private readonly Func<byte[], byte[]>? _answerChallenge;
    private TimeSpan _retry = FirstRetry;
    private IActorRef? _coordinator;

    public RegistrationActor(SiteId site, ActorSelection registry, SiteEnrolment? enrolment, Func<byte[], byte[]>? answerChallenge)
    {
        _site = site;
        _registry = registry;
        _enrolment = enrolment;
        _answerChallenge = answerChallenge;
        Become(Registering);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SiteId site, ActorSelection registry, SiteEnrolment? enrolment, Func<byte[], byte[]>? answerChallenge) =>
        Akka.Actor.Props.Create(() => new RegistrationActor(site, registry, enrolment, answerChallenge));

    protected override void PreStart()
    {
        Register();
        Timers.StartSingleTimer(RetryTimer, Retry.Instance, _retry);
    }

    private void Registering()
    {
        Receive<Retry>(_ => RetryRegistering());
        Receive<RegistrationChallenge>(AnswerChallenge);
        Receive<SiteRegistered>(OnRegistered);
        Receive<RegistrationRefused>(m => _log.Error("Site {Site}: the coordinator refused the registration: {Reason}", _site, m.Reason));
    }

    private void Confirmed()
    {
        Receive<SiteRegistered>(OnRegistered);
        Receive<Terminated>(m => m.ActorRef.Equals(_coordinator), _ => OnCoordinatorLost());
        Receive<RegistrationChallenge>(_ => { });
        Receive<RegistrationRefused>(m => _log.Warning("Site {Site}: the coordinator refused a registration: {Reason}", _site, m.Reason));
    }

    private void Register() => _registry.Tell(new RegisterSite(_site, _enrolment), Context.Parent);

    /// <summary>Until the coordinator answers: try again, waiting twice as long each time.</summary>
    private void RetryRegistering()
    {
        Register();
        _retry = TimeSpan.FromTicks(Math.Min(_retry.Ticks * 2, LongestRetry.Ticks));
        Timers.StartSingleTimer(RetryTimer, Retry.Instance, _retry);
    }

    /// <summary>Proves to the registry that this node holds its certificate's key: signs the fresh nonce (with its id and signing key).</summary>
    private void AnswerChallenge(RegistrationChallenge challenge)
    {
        if (challenge.Site != _site || _answerChallenge is null || challenge.Nonce is not { Length: RegistrationProofPayload.NonceLength })
        {
            _log.Warning("Site {Site}: ignored a registration challenge that is not for this site's registration", _site);
            return;
        }

        Sender.Tell(new RegistrationProof(_site, challenge.Nonce, _answerChallenge(challenge.Nonce)), Context.Parent);

        // Give the registry a whole interval to confirm before registering (and being challenged) again.
        Timers.StartSingleTimer(RetryTimer, Retry.Instance, _retry);
    }

    private void OnRegistered(SiteRegistered registered)
    {
        Timers.Cancel(RetryTimer);
        _retry = FirstRetry;
        if (!Sender.Equals(_coordinator))
        {
            if (_coordinator is not null)
            {
                Context.Unwatch(_coordinator);
            }

            _coordinator = Sender;
            Context.Watch(_coordinator);
        }

        _log.Info("Site {Site} registered with the coordinator", _site);
        Context.Parent.Tell(new Registered(registered.PooledStatistics));
        Become(Confirmed);
    }

    /// <summary>The coordinator went away (network failure, restart): register again, with backoff.</summary>
    private void OnCoordinatorLost()
    {
        _log.Info("Site {Site}: lost the coordinator; registering again with backoff", _site);
        _coordinator = null;
        _retry = FirstRetry;
        Timers.StartSingleTimer(RetryTimer, Retry.Instance, _retry);
        Become(Registering);
    }

    /// <summary>To the agent: registered; whether the study standardises with pooled statistics.</summary>
    public sealed record Registered(bool PooledStatistics) : INoSerializationVerificationNeeded;

    private sealed record Retry : INoSerializationVerificationNeeded
    {
        public static Retry Instance { get; } = new();
    }
}
