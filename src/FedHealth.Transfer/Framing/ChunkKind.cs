namespace FedHealth.Transfer.Framing;

internal enum ChunkKind : byte
{
    /// <summary>Followed by <see cref="ChunkHeader.Length"/> bytes of the blob.</summary>
    Data = 1,

    /// <summary>Followed by the sender's SHA-256 of the whole blob; nothing follows it.</summary>
    End = 2,
}
