using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.KeyAgreement;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Graph;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.SecureAggregation.Client;

/// <summary>
/// One site's side of one secure-aggregation session, as a pure state machine: each stage is one
/// method that takes the coordinator's message for that stage and returns the site's reply.
/// Any guard that fires throws <see cref="SecureAggregationAbortedException"/> naming it; the
/// client then wipes its secrets and answers nothing more. Nothing is reused across sessions:
/// create a new client per round.
/// </summary>
public sealed partial class SecAggClient : IDisposable
{
    private readonly SiteId _self;
    private readonly StudyId _study;
    private readonly int _round;
    private readonly Ed25519SigningKey _siteKey;
    private readonly IReadOnlyDictionary<SiteId, byte[]> _enrolledKeys;
    private readonly SecAggClientPolicy _policy;
    private readonly RevealLedger _ledger = new();

    private ClientState _state = ClientState.AwaitingSetup;
    private SecAggGuard? _abortedBy;

    // Set by AdvertiseKeys.
    private SecAggSetup? _setup;
    private SecAggParameters? _parameters;
    private HashSet<SiteId> _participants = [];
    private byte[] _setupHash = [];
    private X25519KeyPair? _cipherKey;
    private X25519KeyPair? _maskKey;
    private SecAggAdvertiseKeys? _advertised;

    // Set by ShareKeys.
    private byte[] _sessionId = [];
    private NeighbourGraph? _graph;
    private HashSet<SiteId> _neighbours = [];
    private Dictionary<SiteId, SecAggAdvertiseKeys> _keys = [];
    private Dictionary<SiteId, int> _shareIndex = [];
    private byte[] _selfMaskSeed = [];

    // Set by MaskInput.
    private Dictionary<SiteId, NeighbourSecrets> _held = [];

    // Set by ConfirmSurvivors.
    private HashSet<SiteId> _survivors = [];
    private byte[] _survivorsMessage = [];

    /// <param name="site">This site.</param>
    /// <param name="study">The study of the round.</param>
    /// <param name="round">The round; messages of any other round are refused.</param>
    /// <param name="siteKey">The site's long-term Ed25519 key, whose public half is enrolled.</param>
    /// <param name="enrolledKeys">The enrolled Ed25519 public key of every site of the study.</param>
    /// <param name="policy">What this site insists on; <see cref="SecAggClientPolicy.Default"/> when null.</param>
    public SecAggClient(
        SiteId site,
        StudyId study,
        int round,
        Ed25519SigningKey siteKey,
        IReadOnlyDictionary<SiteId, byte[]> enrolledKeys,
        SecAggClientPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(siteKey);
        ArgumentNullException.ThrowIfNull(enrolledKeys);
        _self = site;
        _study = study;
        _round = round;
        _siteKey = siteKey;
        _enrolledKeys = enrolledKeys;
        _policy = policy ?? SecAggClientPolicy.Default;
    }

    public SiteId Site => _self;

    /// <summary>The stage whose message the client expects next; null once finished or aborted.</summary>
    public SecAggStage? ExpectedStage => _state switch
    {
        ClientState.AwaitingSetup => SecAggStage.AdvertiseKeys,
        ClientState.AwaitingKeys => SecAggStage.ShareKeys,
        ClientState.AwaitingShares => SecAggStage.MaskedInput,
        ClientState.AwaitingSurvivors => SecAggStage.ConsistencyCheck,
        ClientState.AwaitingUnmaskRequest => SecAggStage.Unmask,
        _ => null,
    };

    public bool IsFinished => _state == ClientState.Finished;

    public bool IsAborted => _state == ClientState.Aborted;

    public void Dispose() => Wipe();

    private void Expect(ClientState expected, SecAggStage stage, int messageRound, StudyId messageStudy)
    {
        if (_state == ClientState.Aborted)
        {
            throw new SecureAggregationAbortedException(_abortedBy ?? SecAggGuard.OutOfOrder, stage, "The site already left this session.");
        }

        if (_state > expected)
        {
            throw Fail(SecAggGuard.Replay, stage, $"A {stage} message arrived after that stage was completed.");
        }

        if (_state < expected)
        {
            throw Fail(SecAggGuard.OutOfOrder, stage, $"A {stage} message arrived before the earlier stages completed.");
        }

        if (messageStudy != _study || messageRound != _round)
        {
            throw Fail(SecAggGuard.WrongStudyOrRound, stage, $"The message belongs to study {messageStudy} round {messageRound}.");
        }
    }

    private void ExpectSession(byte[]? sessionId, SecAggStage stage)
    {
        if (sessionId is null || sessionId.Length == 0)
        {
            throw Fail(SecAggGuard.SessionMismatch, stage, "The message carries no session id.");
        }

        if (!CryptographicOperations.FixedTimeEquals(sessionId, _sessionId))
        {
            throw Fail(SecAggGuard.SessionMismatch, stage, "The message belongs to another session.");
        }
    }

    private SecureAggregationAbortedException Fail(SecAggGuard guard, SecAggStage stage, string reason)
    {
        _state = ClientState.Aborted;
        _abortedBy = guard;
        Wipe();
        return new SecureAggregationAbortedException(guard, stage, reason);
    }

    private void Wipe()
    {
        _cipherKey?.Dispose();
        _maskKey?.Dispose();
        CryptographicOperations.ZeroMemory(_selfMaskSeed);
        foreach (var secrets in _held.Values)
        {
            CryptographicOperations.ZeroMemory(secrets.SelfMaskSeedShare);
            CryptographicOperations.ZeroMemory(secrets.MaskKeyShare);
        }
    }
}
