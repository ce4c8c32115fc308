using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.Hosting.Enrolment;
using FedHealth.Pki.Authority;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Server;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// One secure training round of the real node with four peers the test plays itself (each with a
/// certificate of the consortium CA, so the node trusts their relayed enrolments) and a real
/// <see cref="SecAggServer"/>: the script delivers each stage honestly, except that it may alter
/// the real node's message first, which is then sent over mutual TLS.
/// </summary>
internal sealed class SecureRoundScript : IDisposable
{
    private static readonly SiteId Real = new(LyingCoordinatorFixture.Site);

    private readonly LyingCoordinatorFixture _node;
    private readonly int _round;
    private readonly Dictionary<SiteId, Ed25519SigningKey> _keys;
    private readonly Dictionary<SiteId, SecAggClient> _peers;
    private readonly ulong[] _input;
    private readonly HashSet<SiteId> _silent = [];
    private IReadOnlyList<SecAggOutgoing> _pending;

    private SecureRoundScript(LyingCoordinatorFixture node, StudyId study, int round, Dictionary<SiteId, Ed25519SigningKey> keys, SecAggServer server, Dictionary<SiteId, byte[]> enrolled, int length)
    {
        _node = node;
        _round = round;
        _keys = keys;
        Server = server;
        _peers = keys.ToDictionary(kv => kv.Key, kv => new SecAggClient(kv.Key, study, round, kv.Value, enrolled));
        _input = new ulong[length];
        _pending = server.Start().Outgoing;
    }

    public SecAggServer Server { get; }

    public IReadOnlyList<SiteId> Peers => [.. _keys.Keys];

    /// <summary>What the server would send the real node next.</summary>
    public IRoundMessage ForNode => _pending.Single(o => o.To == Real).Message;

    /// <summary>Sends the real node an honest secure fit instruction (the peers' enrolments relayed) and the round's setup.</summary>
    public static SecureRoundScript Begin(LyingCoordinatorFixture node, int round)
    {
        var own = node.Coordinator.Heard.OfType<RegisterSite>().First().Enrolment
            ?? throw new InvalidOperationException("The node registered without an enrolment.");
        var keys = Enumerable.Range(1, 4).ToDictionary(i => new SiteId($"peer{round}-{i}"), _ => Ed25519SigningKey.Generate());
        var enrolments = new List<Core.Enrolment.SiteEnrolment> { own };
        using (var ca = CertificateAuthority.Open(node.Federation.Pki.CaFolder))
        {
            foreach (var (peer, key) in keys)
            {
                var output = Path.Combine(node.StateDirectory, "peers", peer.Value);
                var issued = ca.Issue(new IssueRequest(peer.Value, PeerRole.Site, output) { KeyProtection = KeyFileProtection.Throwaway });
                using var certificate = SiteCredentials.Load(issued.Pkcs12Path, PasswordSource.FromFile(issued.GeneratedPasswordFile!));
                enrolments.Add(CertificateEnrolment.Create(peer, key.PublicKey, certificate));
            }
        }

        var fit = node.SecureFit(round);
        fit = fit with { Secure = fit.Secure! with { Enrolments = enrolments } };
        var enrolled = enrolments.ToDictionary(e => e.Site, e => e.SigningKey);
        var length = new SecureUpdateCodec(fit.Secure, node.Weights.Length).VectorLength;
        var parameters = SecAggParameterChooser.Choose(enrolled.Count, 0.0, 0.1).ToParameters(fit.Secure.ModulusBits);
        var server = new SecAggServer(fit.Study, round, [.. enrolled.Keys], parameters, length, enrolled);
        node.Coordinator.Send(fit);
        return new SecureRoundScript(node, fit.Study, round, keys, server, enrolled, length);
    }

    /// <summary>
    /// Delivers the pending stage: the peers answer in process, the real node gets
    /// <paramref name="lie"/> of its honest message (or the message itself); returns the node's
    /// answer. An answer that is not a refusal is fed to the server and the stage closed.
    /// </summary>
    public async Task<IRoundMessage> StepAsync(Func<IRoundMessage, IRoundMessage>? lie = null)
    {
        foreach (var outgoing in _pending.Where(o => o.To != Real && !_silent.Contains(o.To)))
        {
            Server.Receive(PeerReply(outgoing.To, outgoing.Message));
        }

        var answer = await SendAsync(lie is null ? ForNode : lie(ForNode));
        if (answer is not (SecAggSiteAborted or StageFailed))
        {
            Server.Receive(answer);
            _pending = Server.CloseStage().Outgoing;
        }

        return answer;
    }

    /// <summary>From now on <paramref name="peer"/> answers nothing (it dropped out).</summary>
    public void Silence(SiteId peer) => _silent.Add(peer);

    /// <summary>Sends the real node one message as the coordinator and returns its answer.</summary>
    public Task<IRoundMessage> SendAsync(IRoundMessage message)
    {
        var seen = _node.Heard().Count(m => m.Round == _round);
        _node.Coordinator.Send(message);
        return _node.NextAnswerAsync(_round, seen);
    }

    /// <summary>What a peer answers to <paramref name="message"/> (for a lie that needs the peers' signatures).</summary>
    public IRoundMessage PeerReply(SiteId peer, IRoundMessage message) => message switch
    {
        SecAggSetup m => _peers[peer].AdvertiseKeys(m),
        SecAggKeysBroadcast m => _peers[peer].ShareKeys(m),
        SecAggForwardedShares m => _peers[peer].MaskInput(m, _input),
        SecAggSurvivors m => _peers[peer].ConfirmSurvivors(m),
        SecAggUnmaskRequest m => _peers[peer].Unmask(m),
        _ => throw new InvalidOperationException($"The script has no peer answer to {message.GetType().Name}."),
    };

    public void Dispose()
    {
        foreach (var client in _peers.Values)
        {
            client.Dispose();
        }

        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
