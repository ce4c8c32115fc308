using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>
/// Drives one SecAgg+ server session from inside an actor (a secure round, the statistics stage):
/// relays the server's messages to the sites, closes each stage when every awaited site has
/// answered or is known to be gone, or when its deadline passes, and hands over the sum or the
/// abort. The owning actor routes the protocol messages, departures and its timer here.
/// </summary>
internal sealed class SecureSumSession(
    SecAggServer server,
    ImmutableSortedDictionary<SiteId, IActorRef> sites,
    ITimerScheduler timers,
    ILoggingAdapter log,
    object timeout,
    Func<SecAggStage, TimeSpan> deadline,
    Action<SecAggRoundResult> onResult,
    Action<SecAggRoundAbort> onAbort,
    Action<IReadOnlyList<SiteId>, Action>? beforeUnmask = null)
{
    private const string StageTimer = "secure-sum-stage";
    private readonly HashSet<SiteId> _gone = [];
    private IReadOnlyList<SiteId> _maskedInputs = [];
    private bool _unmaskAsked;

    public void Start() => Send(server.Start());

    /// <summary>A SecAgg message from a site of this session.</summary>
    public void Receive(IRoundMessage message)
    {
        var receipt = server.Receive(message);
        if (!receipt.Accepted)
        {
            log.Warning("Session {Round}: refused a {Message}: {Reason}", message.Round, message.GetType().Name, receipt.Reason);
        }

        AdvanceIfSettled();
    }

    /// <summary>
    /// The site failed, refused or terminated. <paramref name="firstTime"/> runs (to record the
    /// departure) only the first time, before the session may close the stage without the site.
    /// </summary>
    public void Gone(SiteId site, Action firstTime)
    {
        ArgumentNullException.ThrowIfNull(firstTime);
        if (_gone.Add(site))
        {
            firstTime();
        }

        AdvanceIfSettled();
    }

    /// <summary>The stage's deadline passed: close it with whoever answered.</summary>
    public void TimedOut() => Advance();

    private void AdvanceIfSettled()
    {
        if (!server.IsFinished && server.AwaitedSites.All(_gone.Contains))
        {
            Advance();
        }
    }

    private void Advance()
    {
        timers.Cancel(StageTimer);
        Send(server.CloseStage());
    }

    private void Send(SecAggServerStep step)
    {
        if (step.Result is { } result)
        {
            timers.Cancel(StageTimer);
            onResult(result);
            return;
        }

        if (step.Abort is { } abort)
        {
            timers.Cancel(StageTimer);
            onAbort(abort);
            return;
        }

        if (beforeUnmask is not null && !_unmaskAsked && server.Stage == SecAggStage.Unmask)
        {
            // Write-ahead: nothing that reveals the sum leaves before its owner says so (it charges the privacy cost first).
            _unmaskAsked = true;
            beforeUnmask(_maskedInputs, () =>
            {
                if (!server.IsFinished)
                {
                    Deliver(step);
                }
            });
            return;
        }

        Deliver(step);
    }

    private void Deliver(SecAggServerStep step)
    {
        foreach (var outgoing in step.Outgoing)
        {
            if (outgoing.Message is SecAggSurvivors survivors)
            {
                _maskedInputs = survivors.Survivors;
            }

            if (sites.TryGetValue(outgoing.To, out var site))
            {
                site.Tell(outgoing.Message);
            }
        }

        timers.StartSingleTimer(StageTimer, timeout, deadline(server.Stage));
        AdvanceIfSettled();
    }
}
