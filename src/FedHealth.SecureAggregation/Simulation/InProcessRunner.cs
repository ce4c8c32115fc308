using System.Collections.Concurrent;
using System.Diagnostics;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.SecureAggregation.Simulation;

/// <summary>
/// Drives one session with real clients and a real server in process, exactly as the round actors
/// will: the server's outgoing messages go to the clients, their replies go back to the server,
/// and every stage closes when all awaited sites replied (a vanished site never does).
/// </summary>
public static class InProcessRunner
{
    public static InProcessOutcome Run(InProcessSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var siteKeys = session.Sites.ToDictionary(s => s, _ => Ed25519SigningKey.Generate());
        var enrolled = siteKeys.ToDictionary(kv => kv.Key, kv => kv.Value.PublicKey);
        var clients = session.Sites.ToDictionary(
            s => s,
            s => new SecAggClient(s, session.Study, session.Round, siteKeys[s], enrolled, session.Policy));
        var clientTime = new ConcurrentDictionary<SiteId, TimeSpan>();
        var upload = new ConcurrentDictionary<SiteId, long>();
        var aborts = new ConcurrentBag<SecureAggregationAbortedException>();
        var serverClock = new Stopwatch();

        try
        {
            serverClock.Start();
            var server = new SecAggServer(
                session.Study, session.Round, session.Sites, session.Parameters, session.VectorLength, enrolled, session.ServerParallelism);
            var step = server.Start();
            serverClock.Stop();
            while (true)
            {
                var replies = new ConcurrentDictionary<SiteId, IRoundMessage>();
                Parallel.ForEach(
                    step.Outgoing,
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, session.ClientParallelism) },
                    outgoing =>
                    {
                        var message = session.Intercept?.Invoke(outgoing.To, outgoing.Message) ?? outgoing.Message;
                        var reply = Deliver(session, clients[outgoing.To], message, clientTime, aborts);
                        if (reply is not null)
                        {
                            replies[outgoing.To] = reply;
                            var bytes = session.MeasureUpload?.Invoke(reply) ?? 0;
                            upload.AddOrUpdate(outgoing.To, bytes, (_, b) => b + bytes);
                        }
                    });

                if (session.CollectGarbageBeforeCoordinator)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                }

                foreach (var (site, reply) in replies.OrderBy(r => r.Key))
                {
                    session.OnCoordinatorReceives?.Invoke(site, reply);
                    serverClock.Start();
                    server.Receive(reply);
                    serverClock.Stop();
                }

                replies.Clear();
                serverClock.Start();
                step = server.CloseStage();
                serverClock.Stop();
                if (step.IsFinished)
                {
                    return new InProcessOutcome(
                        step.Result, step.Abort, serverClock.Elapsed, clientTime, upload, [.. aborts]);
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            foreach (var key in siteKeys.Values)
            {
                key.Dispose();
            }
        }
    }

    private static IRoundMessage? Deliver(
        InProcessSession session,
        SecAggClient client,
        IRoundMessage message,
        ConcurrentDictionary<SiteId, TimeSpan> clientTime,
        ConcurrentBag<SecureAggregationAbortedException> aborts)
    {
        var stage = ReplyStage(message);
        if (session.Dropouts.TryGetValue(client.Site, out var leaves) && leaves <= stage)
        {
            return null;
        }

        var input = stage == SecAggStage.MaskedInput ? session.Input(client.Site) : null;
        var clock = Stopwatch.StartNew();
        try
        {
            return message switch
            {
                SecAggSetup m => client.AdvertiseKeys(m),
                SecAggKeysBroadcast m => client.ShareKeys(m),
                SecAggForwardedShares m => client.MaskInput(m, input),
                SecAggSurvivors m => client.ConfirmSurvivors(m),
                SecAggUnmaskRequest m => client.Unmask(m),
                _ => throw new InvalidOperationException($"No client stage takes a {message.GetType().Name}."),
            };
        }
        catch (SecureAggregationAbortedException e)
        {
            aborts.Add(e);
            return e.ToMessage(session.Study, session.Round, client.Site);
        }
        finally
        {
            clock.Stop();
            clientTime.AddOrUpdate(client.Site, clock.Elapsed, (_, t) => t + clock.Elapsed);
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
