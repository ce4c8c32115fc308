namespace FedHealth.Transfer.Framing;

/// <summary>The direction a request asks for; a ticket is good for exactly one of them.</summary>
public enum BlobOperation : byte
{
    /// <summary>The server sends a blob it published (coordinator → node).</summary>
    Get = 1,

    /// <summary>The client sends a blob the server expects (node → coordinator).</summary>
    Put = 2,
}
