namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>Why a message was refused at the wire: the key refusals are counted and logged by.</summary>
public enum RefusalReason
{
    /// <summary>The manifest names no protocol message.</summary>
    UnknownManifest,

    /// <summary>The payload is larger than a frame may be.</summary>
    TooLarge,

    /// <summary>The bytes are not a well-formed MessagePack encoding of the message.</summary>
    Malformed,

    /// <summary>A member the message declares non-nullable is nil.</summary>
    MissingMember,

    /// <summary>A count, length or size is negative or beyond its bound.</summary>
    OutOfRange,

    /// <summary>A number that must be finite is NaN or infinite.</summary>
    NotFinite,

    /// <summary>An enum value the protocol does not define.</summary>
    UnknownEnum,

    /// <summary>A site or study id outside the id grammar (printable, bounded length).</summary>
    InvalidId,

    /// <summary>Text with control characters or beyond its bounded length.</summary>
    InvalidText,

    /// <summary>A score histogram without the expected number of bins, or a negative count.</summary>
    WrongHistogram,

    /// <summary>Model weights whose layout is not a plausible model (too many tensors, deep shapes, long names).</summary>
    WrongLayout,
}
