namespace FedHealth.Transfer.Framing;

/// <summary>
/// The one byte of a status frame, and the reason a <see cref="BlobTransferException"/> carries.
/// Values are wire contract: append only.
/// </summary>
public enum BlobStatus : byte
{
    Ok = 0,

    /// <summary>The server never issued this ticket (or forgot it long ago).</summary>
    UnknownTicket = 1,

    ExpiredTicket = 2,

    WithdrawnTicket = 3,

    /// <summary>An upload ticket that already received its blob.</summary>
    TicketUsed = 4,

    /// <summary>A GET on an upload ticket or a PUT on a published one.</summary>
    WrongOperation = 5,

    /// <summary>The peer authenticated but this ticket is not for its certificate.</summary>
    NotPermitted = 6,

    LengthMismatch = 7,

    TooLarge = 8,

    /// <summary>Another connection is uploading to this ticket right now.</summary>
    Busy = 9,

    MalformedFrame = 10,

    OversizeChunk = 11,

    OutOfOrderChunk = 12,

    TruncatedStream = 13,

    HashMismatch = 14,

    /// <summary>Mutual TLS failed: a certificate was missing or refused (never sent on the wire).</summary>
    Unauthenticated = 15,
}
