using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.SecureAggregation.Tests.Support;

/// <summary>
/// Clients and a server driven stage by stage by the test, so that a test can stand in for a
/// dishonest coordinator: it takes what the honest server would send, alters it, and hands it to
/// one client.
/// </summary>
internal sealed class ManualSession : IDisposable
{
    private readonly Dictionary<SiteId, Ed25519SigningKey> _keys;

    public ManualSession(int n, int k, int t, int length = 16, int round = 1, SecAggClientPolicy? policy = null)
    {
        Sites = Sessions.Sites(n);
        Length = length;
        _keys = Sites.ToDictionary(s => s, _ => Ed25519SigningKey.Generate());
        Enrolled = _keys.ToDictionary(kv => kv.Key, kv => kv.Value.PublicKey);
        Clients = Sites.ToDictionary(s => s, s => new SecAggClient(s, Sessions.Study, round, _keys[s], Enrolled, policy ?? Sessions.Lenient));
        Server = new SecAggServer(Sessions.Study, round, Sites, new SecAggParameters(k, t), length, Enrolled);
        Inputs = Sessions.Inputs(length, 32, round);
        Pending = Server.Start().Outgoing;
    }

    public SiteId[] Sites { get; }

    public int Length { get; }

    public Dictionary<SiteId, byte[]> Enrolled { get; }

    public Dictionary<SiteId, SecAggClient> Clients { get; }

    public SecAggServer Server { get; }

    public Func<SiteId, ulong[]> Inputs { get; }

    /// <summary>What the server wants delivered next, by recipient.</summary>
    public IReadOnlyList<SecAggOutgoing> Pending { get; private set; }

    public SecAggServerStep? Last { get; private set; }

    public Ed25519SigningKey SiteKey(SiteId site) => _keys[site];

    public T For<T>(SiteId site)
        where T : IRoundMessage => (T)Pending.First(o => o.To == site).Message;

    /// <summary>Delivers the pending messages honestly (except to <paramref name="silent"/>), feeds the replies and closes the stage.</summary>
    public SecAggServerStep Step(params SiteId[] silent)
    {
        foreach (var outgoing in Pending)
        {
            if (silent.Contains(outgoing.To))
            {
                continue;
            }

            Server.Receive(Reply(outgoing.To, outgoing.Message));
        }

        Last = Server.CloseStage();
        Pending = Last.Outgoing;
        return Last;
    }

    /// <summary>Runs stages honestly until the server is about to send the message of <paramref name="stage"/>'s reply.</summary>
    public void AdvanceTo(SecAggStage stage)
    {
        while (ReplyStage(Pending[0].Message) < stage)
        {
            Step();
        }
    }

    public IRoundMessage Reply(SiteId site, IRoundMessage message) => message switch
    {
        SecAggSetup m => Clients[site].AdvertiseKeys(m),
        SecAggKeysBroadcast m => Clients[site].ShareKeys(m),
        SecAggForwardedShares m => Clients[site].MaskInput(m, Inputs(site)),
        SecAggSurvivors m => Clients[site].ConfirmSurvivors(m),
        SecAggUnmaskRequest m => Clients[site].Unmask(m),
        _ => throw new InvalidOperationException(message.GetType().Name),
    };

    public void Dispose()
    {
        foreach (var c in Clients.Values)
        {
            c.Dispose();
        }

        foreach (var k in _keys.Values)
        {
            k.Dispose();
        }
    }

    private static SecAggStage ReplyStage(IRoundMessage message) => message switch
    {
        SecAggSetup => SecAggStage.AdvertiseKeys,
        SecAggKeysBroadcast => SecAggStage.ShareKeys,
        SecAggForwardedShares => SecAggStage.MaskedInput,
        SecAggSurvivors => SecAggStage.ConsistencyCheck,
        _ => SecAggStage.Unmask,
    };
}
