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
using FedHealth.Privacy.Distributed;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.SecureSum;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// The secure fit stage: the sites train and answer only through SecAgg+; the round drives the
/// server state machine stage by stage (each with its deadline) and sees nothing but the sum.
/// </summary>
public sealed partial class RoundActor
{
    private readonly List<SiteFailure> _dropouts = [];
    private SecureSumSession? _session;
    private SecAggQuantization? _quantization;
    private IReadOnlyList<SiteId>? _secureIncluded;
    private DistributedDpCodec? _distributed;
    private DistributedNoiseUsed? _distributedNoise;

    private void StartSecureFit(FitPlan fitPlan)
    {
        var settings = _plan.Secure!;
        var options = settings.Options;
        _quantization = SecAggQuantization.ForSites(_sampled.Count, options.ClipRange, options.MaxWeight, options.ModulusBits);
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

            var seed = RandomNumberGenerator.GetBytes(32);
            _distributed = new DistributedDpCodec(plan, seed);
            distributed = new DistributedDpSpec(dp.Clip, plan.Scale, dp.NoiseMultiplier, _sampled.Count, seed);
        }

        var vectorLength = (_distributed?.Plan.PaddedDimension ?? _plan.Global.Length) + 1;
        var server = new SecAggServer(Study, Round, _sampled, choice.ToParameters(options.ModulusBits), vectorLength, settings.EnrolledKeys);

        // The masked input waits for local training; the other stages are quick round trips.
        _session = new SecureSumSession(server, _plan.Sites, Timers, _log, StageTimedOut.Secure,
            stage => stage == SecAggStage.MaskedInput ? _plan.FitTimeout : options.StageTimeout,
            FinishSecureFit, AbortSecureFit);
        var spec = new SecureAggregationSpec(
            _quantization.ClipRange, _quantization.Scale, _quantization.MaxWeight, _quantization.ModulusBits, settings.UnitWeights || distributed is not null, distributed,
            settings.Enrolments?.Where(e => _sampled.Contains(e.Site)).ToList());
        var (weights, offer) = ModelDelivery.Prepare(_plan.Global, _plan.Models);
        var instruction = new FitInstruction(Study, Round, _plan.Model, weights, fitPlan.Config, spec, offer);
        foreach (var site in _sampled)
        {
            Context.Watch(_plan.Sites[site]);
            _plan.Sites[site].Tell(instruction);
        }

        Become(SecureFitting);
        _session.Start();
        _log.Debug("Round {Round}: secure aggregation with k = {K}, t = {T} over {Count} sites", Round, choice.Neighbours, choice.Threshold, _sampled.Count);
    }

    private void SecureFitting()
    {
        RefuseImpersonation();
        Receive<SecAggAdvertiseKeys>(OnProtocolMessage);
        Receive<SecAggShareKeys>(OnProtocolMessage);
        Receive<SecAggMaskedInput>(OnProtocolMessage);
        Receive<SecAggSurvivorsSignature>(OnProtocolMessage);
        Receive<SecAggUnmaskShares>(OnProtocolMessage);
        Receive<SecAggSiteAborted>(OnProtocolMessage);
        Receive<StageFailed>(m => IsCurrent(m) && m.Stage == ProtocolStage.Fit, m => Gone(m.Site, m.Reason));
        Receive<Terminated>(m =>
        {
            foreach (var site in _sampled.Where(s => _plan.Sites[s].Equals(m.ActorRef)).ToList())
            {
                _terminated.Add(site);
                Gone(site, "node terminated");
            }
        });
        Receive<StageTimedOut>(m => m == StageTimedOut.Secure, _ => _session!.TimedOut());
        Receive<UploadOffer>(OnUploadOffer);
        Receive<UploadFailed>(OnUploadFailed);
        ReceiveAny(Ignore);
    }

    private void OnProtocolMessage(IRoundMessage message)
    {
        if (!IsCurrent(message))
        {
            Ignore(message);
            return;
        }

        _session!.Receive(message);
    }

    private void Gone(SiteId site, string reason)
    {
        _session!.Gone(site, () =>
        {
            _log.Warning("Round {Round}: site {Site} left the secure round: {Reason}", Round, site, reason);
            _failures.Add(new SiteFailure(site, nameof(ProtocolStage.Fit), reason));
        });
    }

    private void AbortSecureFit(SecAggRoundAbort abort)
    {
        RecordDropouts(abort.Dropouts);
        Abort($"secure aggregation aborted at {abort.Stage}: {abort.Reason}");
    }

    private void FinishSecureFit(SecAggRoundResult result)
    {
        RecordDropouts(result.Dropouts);
        _secureIncluded = result.Included;
        if (_secureIncluded.Count < _plan.MinFitSites)
        {
            Abort($"only {_secureIncluded.Count} of {_sampled.Count} sites completed secure aggregation; the round needs {_plan.MinFitSites}");
            return;
        }

        var sum = _distributed is null ? DecodeWeighted(result) : DecodeDistributed(result, _distributed);
        var strategy = _plan.Strategy as ISecureSumStrategy
            ?? throw new InvalidOperationException($"The strategy {_plan.Strategy.Name} cannot aggregate a secure sum.");
        StartEvaluation(strategy.AggregateSecureSum(_plan.Context, _plan.Global, sum));
    }

    private SecureSum DecodeWeighted(SecAggRoundResult result)
    {
        var mean = WeightedUpdateCodec.Decode(result.Sum, _quantization!);
        return new SecureSum(mean.Mean, mean.TotalWeight, result.Included);
    }

    /// <summary>
    /// Distributed DP: element 0 counts the contributing sites; the rest is their noisy rotated sum.
    /// The mean is over the sites whose input (and noise) is in the sum, and the round records how
    /// much noise that really is.
    /// </summary>
    private SecureSum DecodeDistributed(SecAggRoundResult result, DistributedDpCodec codec)
    {
        var bits = _quantization!.ModulusBits;
        var contributors = result.Included.Count;
        var counted = SignedEncoding.Decode(result.Sum[0], bits);
        if (counted != contributors)
        {
            throw new InvalidOperationException($"The secure sum counts {counted} contributions but {contributors} sites were included.");
        }

        var total = codec.DecodeSum(SignedEncoding.Decode(result.Sum.AsSpan(1), bits));
        var mean = new float[total.Length];
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = total[i] / contributors;
        }

        var plan = codec.Plan;
        _distributedNoise = new DistributedNoiseUsed(
            plan.L2Sensitivity, plan.L1Sensitivity, plan.Noise.SiteVariance.Value, contributors, plan.PaddedDimension, plan.Clip, plan.EffectiveNoiseMultiplier(contributors));
        return new SecureSum(mean, contributors, result.Included);
    }

    private void RecordDropouts(IReadOnlyList<SecAggDropout> dropouts)
    {
        foreach (var dropout in dropouts)
        {
            _dropouts.Add(new SiteFailure(dropout.Site, dropout.Stage.ToString(), dropout.Reason));
        }
    }
}
