using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Randomness;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Graph;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Server;

/// <summary>
/// The coordinator's side of one session, as a pure state machine. <see cref="Start"/> gives the
/// setup to send; then, stage by stage, hand every site message to <see cref="Receive"/> and, when
/// all awaited sites replied or the stage deadline passed, call <see cref="CloseStage"/>: it moves
/// on with the sites that replied and says what to send next, or finishes with the sum (or an
/// abort). It only ever holds masked vectors, and it aborts before anyone reveals a share when a
/// neighbourhood is left with fewer than t survivors.
/// </summary>
public sealed partial class SecAggServer
{
    private readonly StudyId _study;
    private readonly int _round;
    private readonly SecAggParameters _parameters;
    private readonly int _vectorLength;
    private readonly IReadOnlyDictionary<SiteId, byte[]> _enrolledKeys;
    private readonly int _parallelism;
    private readonly byte[] _setupHash;
    private readonly HashSet<SiteId> _awaited;
    private readonly Dictionary<SiteId, SecAggDropout> _dropouts = [];

    private bool _started;
    private bool _finished;

    // Stage state, filled as the session advances.
    private readonly Dictionary<SiteId, SecAggAdvertiseKeys> _keys = [];
    private byte[] _sessionId = [];
    private NeighbourGraph? _graph;
    private Dictionary<SiteId, int> _shareIndex = [];
    private readonly Dictionary<SiteId, Dictionary<SiteId, SecAggEncryptedShare>> _shareKeys = [];
    private readonly Dictionary<SiteId, IReadOnlyList<SiteId>> _neighbourLists = [];
    private HashSet<SiteId> _keySharers = [];
    private readonly HashSet<SiteId> _survivors = [];
    private readonly Dictionary<SiteId, SecAggMaskSet> _maskSets = [];
    private uint[]? _sum32;
    private ulong[]? _sum64;
    private byte[] _survivorsMessage = [];
    private readonly Dictionary<SiteId, SecAggSurvivorsSignature> _signatures = [];
    private readonly Dictionary<SiteId, List<(int Index, byte[] Share)>> _selfMaskShares = [];
    private readonly Dictionary<SiteId, List<(int Index, byte[] Share)>> _maskKeyShares = [];

    /// <param name="study">The study.</param>
    /// <param name="round">The round; one fresh session per round.</param>
    /// <param name="participants">The invited sites.</param>
    /// <param name="parameters">k, t and the modulus (see <see cref="SecAggParameterChooser"/>).</param>
    /// <param name="vectorLength">Elements per input vector.</param>
    /// <param name="enrolledKeys">Each site's enrolled Ed25519 public key, to reject unsigned keys early.</param>
    /// <param name="maxDegreeOfParallelism">Cores for the unmasking arithmetic (default: all).</param>
    public SecAggServer(
        StudyId study,
        int round,
        IReadOnlyList<SiteId> participants,
        SecAggParameters parameters,
        int vectorLength,
        IReadOnlyDictionary<SiteId, byte[]> enrolledKeys,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(enrolledKeys);
        ArgumentOutOfRangeException.ThrowIfLessThan(vectorLength, 1);
        var sorted = participants.Order().ToList();
        if (sorted.Distinct().Count() != sorted.Count)
        {
            throw new SecureAggregationConfigurationException("A participant is listed twice.");
        }

        if (sorted.Count < SecAggParameterChooser.MinimumSites)
        {
            throw new SecureAggregationConfigurationException($"Secure aggregation needs at least {SecAggParameterChooser.MinimumSites} sites.");
        }

        if (parameters.Threshold > sorted.Count - 1)
        {
            throw new SecureAggregationConfigurationException($"A threshold of {parameters.Threshold} cannot be met by {sorted.Count} sites.");
        }

        if (parameters.Neighbours < sorted.Count - 1 && parameters.Neighbours % 2 != 0)
        {
            throw new SecureAggregationConfigurationException($"A sparse graph needs an even number of neighbours, not {parameters.Neighbours}.");
        }

        var missing = sorted.FirstOrDefault(s => !enrolledKeys.ContainsKey(s));
        if (missing != default)
        {
            throw new SecureAggregationConfigurationException($"Site {missing} has no enrolled key.");
        }

        _study = study;
        _round = round;
        _parameters = parameters;
        _vectorLength = vectorLength;
        _enrolledKeys = enrolledKeys;
        _parallelism = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        Setup = new SecAggSetup(
            study, round, sorted, parameters.Neighbours, parameters.Threshold, parameters.ModulusBits, vectorLength, CryptoRandom.Seed());
        _setupHash = SecAggTranscripts.SetupHash(Setup);
        _awaited = [.. sorted];
    }

    /// <summary>The setup every participant receives (its graph seed is drawn here, before any key is seen).</summary>
    public SecAggSetup Setup { get; }

    public SecAggParameters Parameters => _parameters;

    /// <summary>The stage whose messages are being collected.</summary>
    public SecAggStage Stage { get; private set; } = SecAggStage.AdvertiseKeys;

    public bool IsFinished => _finished;

    /// <summary>Sites from which the current stage still awaits a message.</summary>
    public IReadOnlyCollection<SiteId> AwaitedSites => [.. _awaited];

    /// <summary>True when every awaited site has replied, so the stage can close before its deadline.</summary>
    public bool AllReplied => _awaited.Count == 0;

    /// <summary>Opens the session: the setup, to every participant.</summary>
    public SecAggServerStep Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("The session has already started.");
        }

        _started = true;
        return SecAggServerStep.Send([.. Setup.Participants.Select(s => new SecAggOutgoing(s, Setup))]);
    }

    /// <summary>
    /// Takes one site message of the current stage. A malformed message (wrong session, bad
    /// signature, wrong sizes) counts the site as dropped; a message that is not awaited (late,
    /// duplicate, unknown site, wrong stage) is rejected and changes nothing.
    /// </summary>
    public SecAggReceipt Receive(IRoundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_started || _finished)
        {
            return SecAggReceipt.Reject("The session is not collecting messages.");
        }

        if (message.Study != _study || message.Round != _round)
        {
            return SecAggReceipt.Reject($"The message belongs to study {message.Study} round {message.Round}.");
        }

        return message switch
        {
            SecAggSiteAborted m => OnSiteAborted(m),
            SecAggAdvertiseKeys m when Stage == SecAggStage.AdvertiseKeys => Awaited(m.Site) ?? OnAdvertiseKeys(m),
            SecAggShareKeys m when Stage == SecAggStage.ShareKeys => Awaited(m.Site) ?? OnShareKeys(m),
            SecAggMaskedInput m when Stage == SecAggStage.MaskedInput => Awaited(m.Site) ?? OnMaskedInput(m),
            SecAggSurvivorsSignature m when Stage == SecAggStage.ConsistencyCheck => Awaited(m.Site) ?? OnSurvivorsSignature(m),
            SecAggUnmaskShares m when Stage == SecAggStage.Unmask => Awaited(m.Site) ?? OnUnmaskShares(m),
            _ => SecAggReceipt.Reject($"A {message.GetType().Name} is not expected in stage {Stage}."),
        };
    }

    /// <summary>
    /// Ends the current stage (all replied, or the deadline passed): sites that did not reply are
    /// dropped at this stage, and the session moves on or finishes.
    /// </summary>
    public SecAggServerStep CloseStage()
    {
        if (!_started || _finished)
        {
            throw new InvalidOperationException("The session is not collecting messages.");
        }

        foreach (var site in _awaited)
        {
            Drop(site, "no reply before the stage closed");
        }

        _awaited.Clear();
        return Stage switch
        {
            SecAggStage.AdvertiseKeys => CloseAdvertiseKeys(),
            SecAggStage.ShareKeys => CloseShareKeys(),
            SecAggStage.MaskedInput => CloseMaskedInput(),
            SecAggStage.ConsistencyCheck => CloseConsistencyCheck(),
            _ => CloseUnmask(),
        };
    }

    private SecAggReceipt? Awaited(SiteId site) =>
        _awaited.Contains(site) ? null : SecAggReceipt.Reject($"No {Stage} message is awaited from {site}.");

    private SecAggReceipt OnSiteAborted(SecAggSiteAborted message)
    {
        if (!_awaited.Remove(message.Site))
        {
            return SecAggReceipt.Reject($"No message is awaited from {message.Site}.");
        }

        Drop(message.Site, $"refused: {message.Guard}");
        return SecAggReceipt.Accept;
    }

    private SecAggReceipt Invalid(SiteId site, string reason)
    {
        _awaited.Remove(site);
        Drop(site, $"invalid message: {reason}");
        return SecAggReceipt.Reject(reason);
    }

    private bool SameSession(byte[]? sessionId) =>
        sessionId is not null && sessionId.Length == _sessionId.Length && CryptographicOperations.FixedTimeEquals(sessionId, _sessionId);

    private void Drop(SiteId site, string reason) => _dropouts.TryAdd(site, new SecAggDropout(site, Stage, reason));

    private SecAggServerStep Abort(string reason)
    {
        _finished = true;
        return SecAggServerStep.Aborted(new SecAggRoundAbort(Stage, reason, Dropouts()));
    }

    private List<SecAggDropout> Dropouts() => [.. _dropouts.Values.OrderBy(d => d.Site)];

    private int CountNeighboursIn(SiteId site, IReadOnlySet<SiteId> set) => Neighbours(site).Count(set.Contains);

    private IReadOnlyList<SiteId> Neighbours(SiteId site)
    {
        if (!_neighbourLists.TryGetValue(site, out var list))
        {
            list = _graph!.NeighboursOf(site);
            _neighbourLists.Add(site, list);
        }

        return list;
    }
}
