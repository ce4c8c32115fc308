using System.Collections.Immutable;
using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.SecureSessions;
using FedHealth.Coordinator.Senders;
using FedHealth.Privacy.Distributed;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.Updates;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// The secure fit stage, a workflow around the unchanged strategy: the round sends the sites the
/// secure instruction through a <see cref="SecureSumActor"/> child (which drives SecAgg+ stage by
/// stage and hears the sites), decodes the sum with the round's <see cref="SecureUpdateCodec"/>
/// and hands the strategy nothing but the mean.
/// </summary>
public sealed partial class RoundActor
{
    private readonly List<SiteFailure> _dropouts = [];
    private SecureUpdateCodec? _codec;
    private DistributedNoiseUsed? _distributedNoise;
    private DistributedDpPlan? _distributedPlan;

    private void StartSecureFit(FitPlan fitPlan)
    {
        var settings = _plan.Secure!;
        var options = settings.Options;
        var quantization = SecAggQuantization.ForSites(_sampled.Count, options.ClipRange, options.MaxWeight, options.ModulusBits);
        var choice = SecAggParameterChooser.Choose(_sampled.Count, options.ExpectedDropout, options.CorruptFraction);
        DistributedDpSpec? distributed = null;
        if (settings.DistributedDp is { } dp)
        {
            // A fresh rotation every round; the scale travels as computed so every site derives the same noise.
            DistributedDpPlan plan;
            try
            {
                plan = DistributedDpPlan.Create(_plan.Global.Length, dp.Clip, dp.NoiseMultiplier, _sampled.Count, options.ModulusBits);
            }
            catch (DistributedDpConfigurationException ex)
            {
                Abort($"distributed DP cannot run this round: {ex.Message}");
                return;
            }

            _distributedPlan = plan;
            distributed = new DistributedDpSpec(dp.Clip, plan.Scale, dp.NoiseMultiplier, _sampled.Count, RandomNumberGenerator.GetBytes(32));
        }

        var spec = new SecureAggregationSpec(
            quantization.ClipRange, quantization.Scale, quantization.MaxWeight, quantization.ModulusBits, settings.UnitWeights || distributed is not null, distributed,
            settings.Enrolments?.Where(e => _sampled.Contains(e.Site)).ToList());
        _codec = new SecureUpdateCodec(spec, _plan.Global.Length);
        var server = new SecAggServer(Study, Round, _sampled, choice.ToParameters(options.ModulusBits), _codec.VectorLength, settings.EnrolledKeys);

        var (weights, offer) = ModelDelivery.Prepare(_plan.Global, _plan.Models);
        var instruction = new FitInstruction(Study, Round, _plan.Model, weights, fitPlan.Config, spec, offer);
        var sampled = _plan.Sites.Where(kv => _sampled.Contains(kv.Key)).ToImmutableSortedDictionary();

        // The masked input waits for local training; the other stages are quick round trips.
        var request = new SecureSumRequest(server, sampled, instruction, ProtocolStage.Fit,
            stage => stage == SecAggStage.MaskedInput ? _plan.FitTimeout : options.StageTimeout)
        {
            Uploads = _plan.Uploads,
            Name = $"Round {Round}",
            AskBeforeUnmask = _plan.ChargeBeforeRelease,
        };
        _stage = Context.ActorOf(SecureSumActor.Props(request), "secure-sum");
        Context.Watch(_stage);
        Become(SecureFitting);
        _log.Debug("Round {Round}: secure aggregation with k = {K}, t = {T} over {Count} sites", Round, choice.Neighbours, choice.Threshold, _sampled.Count);
    }

    /// <summary>The sites talk to the session's child; the round waits for its one answer.</summary>
    private void SecureFitting()
    {
        Receive<SecureSumCompleted>(OnSecureSumCompleted);
        Receive<ReleaseRequested>(m => m.Round == Round, OnReleaseRequested);
        Receive<RoundChargeRecorded>(OnChargeRecorded);
        ReceiveStageCrash();
    }

    /// <summary>The masked inputs are in; before the unmask stage reveals their sum, the study persists its cost.</summary>
    private void OnReleaseRequested(ReleaseRequested request)
    {
        var noise = _distributedPlan is { } plan ? DistributedNoiseUsed.Of(plan, request.Contributors.Count) : null;
        ChargeThen(request.Contributors, noise, () => _stage?.Tell(ReleaseApproved.Instance));
    }

    private void OnSecureSumCompleted(SecureSumCompleted completed)
    {
        Context.Unwatch(_stage);
        _stage = null;
        _terminated.UnionWith(completed.Terminated);
        _failures.AddRange(completed.Departures);
        _refused.AddRange(completed.RefusedMessages);
        if (completed.Result is { } result)
        {
            FinishSecureFit(result);
        }
        else
        {
            AbortSecureFit(completed.Abort!);
        }
    }

    private void AbortSecureFit(SecAggRoundAbort abort)
    {
        RecordDropouts(abort.Dropouts);
        Abort($"secure aggregation aborted at {abort.Stage}: {abort.Reason}");
    }

    private void FinishSecureFit(SecAggRoundResult result)
    {
        RecordDropouts(result.Dropouts);
        _included = result.Included;
        if (_included.Count < _plan.MinFitSites)
        {
            Abort($"only {_included.Count} of {_sampled.Count} sites completed secure aggregation; the round needs {_plan.MinFitSites}");
            return;
        }

        // The strategy's capability was checked once, when the study was composed.
        var decoded = _codec!.Decode(result.Sum, _included.Count);
        if (decoded.Distributed is { } plan)
        {
            _distributedNoise = DistributedNoiseUsed.Of(plan, _included.Count);
        }

        var strategy = (ISecureSumStrategy)_plan.Strategy;
        StartEvaluation(strategy.AggregateSecureSum(_plan.Context, _plan.Global, new SecureSum(decoded.Mean, decoded.TotalWeight, result.Included)));
    }

    private void RecordDropouts(IReadOnlyList<SecAggDropout> dropouts)
    {
        foreach (var dropout in dropouts)
        {
            _dropouts.Add(new SiteFailure(dropout.Site, dropout.Stage.ToString(), dropout.Reason));
        }
    }
}
