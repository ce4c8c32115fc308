namespace FedHealth.SecureAggregation.Errors;

/// <summary>The check a site enforces that made it refuse to go on (names are stable: they appear in reports).</summary>
public enum SecAggGuard
{
    /// <summary>A message for a stage the site has already completed (a replay).</summary>
    Replay,

    /// <summary>A message for a later stage than the site is in.</summary>
    OutOfOrder,

    /// <summary>A message of another study or round.</summary>
    WrongStudyOrRound,

    /// <summary>A missing or mismatched session id.</summary>
    SessionMismatch,

    /// <summary>A message, share or ciphertext addressed to another site.</summary>
    WrongRecipient,

    /// <summary>Session parameters weaker than the site's policy (threshold, sites, modulus).</summary>
    UnacceptableParameters,

    /// <summary>The site is not among the participants of the session.</summary>
    NotAParticipant,

    /// <summary>A site listed twice.</summary>
    DuplicateSite,

    /// <summary>A site that is not part of the session, or not enrolled.</summary>
    UnknownSite,

    /// <summary>A site that is not a neighbour where only neighbours may appear.</summary>
    NotANeighbour,

    /// <summary>A public key of the wrong size, or a low-order X25519 key.</summary>
    InvalidKey,

    /// <summary>A missing or invalid Ed25519 signature.</summary>
    InvalidSignature,

    /// <summary>The coordinator relayed this site's own keys altered.</summary>
    KeysAltered,

    /// <summary>A share that does not open under the session's key and associated data (another session, round, sender or recipient, or tampered).</summary>
    CiphertextRejected,

    /// <summary>Fewer than t neighbours took part, so this site's secrets could never be reconstructed.</summary>
    TooFewNeighbours,

    /// <summary>The survivor list treats this site as dropped.</summary>
    SelfListedAsDropped,

    /// <summary>Fewer than t of this site's neighbours are listed as survivors.</summary>
    TooFewSurvivors,

    /// <summary>The survivor list names a neighbour that never shared keys with this site.</summary>
    InconsistentSurvivors,

    /// <summary>Fewer than t neighbours signed the same survivor list.</summary>
    ConsistencyCheckFailed,

    /// <summary>A surviving neighbour's signed list of the sites it masked with is missing, invalid, or leaves this site out.</summary>
    MaskSetMismatch,

    /// <summary>Both the self-mask share and the mask-key share of one neighbour were requested.</summary>
    BothSharesRequested,
}
