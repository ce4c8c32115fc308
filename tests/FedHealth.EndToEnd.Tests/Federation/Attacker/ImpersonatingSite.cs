using System.Collections.Concurrent;
using Akka.Actor;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.Hosting.Enrolment;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.EndToEnd.Tests.Federation.Attacker;

/// <summary>
/// Test code playing an enrolled site that lies: it registers honestly as itself, then, on its
/// first secure fit instruction, reports failures and aborts in the other sites' names and replays
/// another site's relayed enrolment to take over that site's registration. What it hears back is
/// kept in <see cref="Heard"/>.
/// </summary>
internal sealed class ImpersonatingSite : ReceiveActor
{
    private readonly SiteId _self;
    private readonly ActorSelection _registry;
    private readonly X509Certificate2 _certificate;
    private readonly Ed25519SigningKey _signingKey = Ed25519SigningKey.Generate();
    private readonly SiteEnrolment _enrolment;
    private bool _attacked;

    public ImpersonatingSite(SiteId self, string registryPath, X509Certificate2 certificate, ConcurrentQueue<object> heard)
    {
        _self = self;
        _certificate = certificate;
        _registry = Context.ActorSelection(registryPath);
        _enrolment = CertificateEnrolment.Create(self, _signingKey.PublicKey, certificate);
        Receive<RegistrationChallenge>(m => m.Site == _self, m => Sender.Tell(new RegistrationProof(_self, m.Nonce, CertificateEnrolment.SignChallenge(_enrolment, m.Nonce, _certificate))));
        Receive<RegistrationChallenge>(m =>
        {
            // A challenge for the replayed enrolment: the attacker can only sign with its own key.
            heard.Enqueue(m);
            Sender.Tell(new RegistrationProof(m.Site, m.Nonce, CertificateEnrolment.SignChallenge(_enrolment, m.Nonce, _certificate)));
        });
        Receive<FitInstruction>(m => m.Secure is not null && !_attacked, m => Attack(m, heard));

        // It declines evaluations in its own name, so rounds do not wait for it.
        Receive<EvaluateInstruction>(m => Sender.Tell(new StageFailed(m.Study, m.Round, ProtocolStage.Evaluate, _self, "declined")));
        ReceiveAny(heard.Enqueue);
    }

    public static Props Props(SiteId self, string registryPath, X509Certificate2 certificate, ConcurrentQueue<object> heard) =>
        Akka.Actor.Props.Create(() => new ImpersonatingSite(self, registryPath, certificate, heard));

    protected override void PreStart() => _registry.Tell(new RegisterSite(_self, _enrolment));

    protected override void PostStop() => _signingKey.Dispose();

    private void Attack(FitInstruction instruction, ConcurrentQueue<object> heard)
    {
        _attacked = true;
        heard.Enqueue(instruction);
        var round = Sender;
        foreach (var victim in instruction.Secure!.Enrolments!.Where(e => e.Site != _self))
        {
            round.Tell(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Fit, victim.Site, "spoofed failure"));
            round.Tell(new SecAggSiteAborted(instruction.Study, instruction.Round, victim.Site, SecAggStage.ShareKeys, "spoofed", "spoofed abort"));
        }

        var replayed = instruction.Secure.Enrolments!.First(e => e.Site != _self);
        _registry.Tell(new RegisterSite(replayed.Site, replayed));
    }
}
