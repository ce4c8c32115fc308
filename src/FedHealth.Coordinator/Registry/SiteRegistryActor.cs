using System.Collections.Immutable;
using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Audit;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Registry;

/// <summary>
/// Knows which sites are connected, and binds each site id to the one actor that proved it is
/// that site. Across a network a registration carries the site's certificate-bound enrolment and
/// is answered with a fresh challenge that the site signs with its certificate's key, so a
/// recorded or relayed enrolment registers no one. A live registration is taken over only by a
/// connection that has just proved the site's certificate key (the site restarted); without that
/// proof (in one process) it is never replaced. A terminated site is forgotten.
/// </summary>
public sealed class SiteRegistryActor : ReceiveActor
{
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromSeconds(30);
    private const int MaxPendingChallenges = 1024;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Func<SiteId, bool> _isEnrolled;
    private readonly IEnrolmentVerifier? _verifier;
    private readonly Dictionary<IActorRef, PendingRegistration> _pending = [];
    private ImmutableSortedDictionary<SiteId, IActorRef> _sites = ImmutableSortedDictionary<SiteId, IActorRef>.Empty;
    private ImmutableSortedDictionary<SiteId, SiteEnrolment> _enrolments = ImmutableSortedDictionary<SiteId, SiteEnrolment>.Empty;

    private readonly bool _pooledStatistics;

    public SiteRegistryActor(Func<SiteId, bool> isEnrolled, IEnrolmentVerifier? verifier, bool pooledStatistics)
    {
        _isEnrolled = isEnrolled;
        _verifier = verifier;
        _pooledStatistics = pooledStatistics;
        Receive<RegisterSite>(Register);
        Receive<RegistrationProof>(Prove);
        Receive<GetRegisteredSites>(_ => Answer());
        Receive<Terminated>(Forget);
    }

    /// <param name="isEnrolled">Which site ids may join; by default every site may.</param>
    /// <param name="verifier">Across a network: every registration must carry an enrolment bound to the site's certificate and answer a challenge with its key.</param>
    /// <param name="pooledStatistics">Whether the study standardises with pooled statistics (told to every site that registers).</param>
    public static Props Props(Func<SiteId, bool>? isEnrolled = null, IEnrolmentVerifier? verifier = null, bool pooledStatistics = false) =>
        Akka.Actor.Props.Create(() => new SiteRegistryActor(isEnrolled ?? (_ => true), verifier, pooledStatistics));

    private void Register(RegisterSite message)
    {
        if (Refusal(message) is { } refusal)
        {
            Refuse(message.Site, refusal);
            return;
        }

        if (_verifier is null)
        {
            Admit(message.Site, Sender, null);
            return;
        }

        Challenge(message.Site, message.Enrolment!);
    }

    /// <summary>A fresh nonce from the OS CSPRNG for this connection; the proof must come back from it before the nonce expires.</summary>
    private void Challenge(SiteId site, SiteEnrolment enrolment)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var expired in _pending.Where(p => p.Value.Expires < now).Select(p => p.Key).ToList())
        {
            _pending.Remove(expired);
        }

        if (_pending.Count >= MaxPendingChallenges && !_pending.ContainsKey(Sender))
        {
            Refuse(site, "too many registrations are waiting for their challenge; try again later");
            return;
        }

        var nonce = RandomNumberGenerator.GetBytes(RegistrationProofPayload.NonceLength);
        _pending[Sender] = new PendingRegistration(Sender, enrolment, nonce, now + ChallengeLifetime);
        Sender.Tell(new RegistrationChallenge(site, nonce));
    }

    private void Prove(RegistrationProof proof)
    {
        if (_verifier is null || !_pending.TryGetValue(Sender, out var pending))
        {
            Refuse(proof.Site, "the registration proof answers no open challenge of this connection (expired, replayed, or sent by another)");
            return;
        }

        // Only the newest challenge of this connection counts; an answer to an older one (the node
        // retried before it arrived) leaves it open.
        if (pending.Enrolment.Site != proof.Site
            || pending.Expires < DateTimeOffset.UtcNow
            || proof.Nonce is null
            || !CryptographicOperations.FixedTimeEquals(pending.Nonce, proof.Nonce))
        {
            _log.Info("Ignored an outdated registration proof of site {Site} from {Sender}: it answers an earlier challenge", proof.Site, Sender.Path);
            return;
        }

        _pending.Remove(Sender);
        var payload = RegistrationProofPayload.Of(pending.Enrolment.Site, pending.Enrolment.SigningKey, pending.Nonce);
        if (_verifier.ProofRefusal(pending.Enrolment, payload, proof.Signature ?? []) is { } refusal)
        {
            Refuse(proof.Site, refusal);
            return;
        }

        Admit(proof.Site, Sender, pending.Enrolment);
    }

    private void Admit(SiteId site, IActorRef node, SiteEnrolment? enrolment)
    {
        if (_sites.TryGetValue(site, out var current) && !current.Equals(node))
        {
            // Only a connection that has just proved it holds the site's certificate key (a restart
            // of the site) takes over; without that proof (in one process) a live one stays.
            if (_verifier is null)
            {
                Refuse(site, $"site {site} is already registered from a live connection ({current.Path}); a registration from {node.Path} does not replace it");
                return;
            }

            Context.Unwatch(current);
            _log.Warning("Site {Site} proved its certificate key from a new connection ({New}); it replaces the previous one ({Old})", site, node.Path, current.Path);
        }
        else if (!_sites.ContainsKey(site))
        {
            _log.Info("Site {Site} registered", site);
            CoordinatorAudit.SiteRegistered(Context.System.EventStream, site);
        }

        if (enrolment is not null)
        {
            _enrolments = _enrolments.SetItem(site, enrolment);
        }

        _sites = _sites.SetItem(site, node);
        Context.Watch(node);
        node.Tell(new SiteRegistered(site, _pooledStatistics));
    }

    private void Refuse(SiteId site, string reason)
    {
        _log.Warning("Refused registration of site {Site} from {Sender}: {Reason}", site, Sender.Path, reason);
        CoordinatorAudit.SiteRefused(Context.System.EventStream, site, reason);
        Sender.Tell(new RegistrationRefused(site, reason));
    }

    /// <summary>
    /// The registered sites, each still admitted: across a network every enrolment is checked
    /// again against the trust, so a site revoked mid-study (the CRL is re-read when it changes)
    /// is no longer offered to the next round, although its connection may still be open.
    /// </summary>
    private void Answer()
    {
        if (_verifier is not null)
        {
            foreach (var (site, enrolment) in _enrolments)
            {
                if (_verifier.Refusal(enrolment) is { } refusal)
                {
                    _log.Warning("Site {Site} is no longer admitted and is not sampled again: {Reason}", site, refusal);
                    CoordinatorAudit.SiteRevoked(Context.System.EventStream, site, refusal);
                    if (_sites.TryGetValue(site, out var node))
                    {
                        Context.Unwatch(node);
                    }

                    _sites = _sites.Remove(site);
                    _enrolments = _enrolments.Remove(site);
                }
            }
        }

        Sender.Tell(new RegisteredSites(_sites) { Enrolments = _enrolments });
    }

    private string? Refusal(RegisterSite message)
    {
        if (!_isEnrolled(message.Site))
        {
            return "not enrolled in this study";
        }

        if (_verifier is null)
        {
            return null;
        }

        if (message.Enrolment is not { } enrolment)
        {
            return "the registration carries no certificate-bound enrolment";
        }

        return enrolment.Site != message.Site
            ? $"the enrolment is for site {enrolment.Site}, not {message.Site}"
            : _verifier.Refusal(enrolment);
    }

    private void Forget(Terminated message)
    {
        foreach (var (site, actor) in _sites)
        {
            if (actor.Equals(message.ActorRef))
            {
                _sites = _sites.Remove(site);
                _enrolments = _enrolments.Remove(site);
                _log.Warning("Site {Site} disconnected", site);
            }
        }
    }
}
