using System.Buffers.Binary;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Framing;

/// <summary>
/// The first frame a client sends after the TLS handshake, 32 bytes:
/// <c>"FHBX"</c> | version (1) | operation (1) | reserved (2, zero) | ticket (16) | length (8, little-endian).
/// </summary>
internal readonly record struct BlobRequest(BlobOperation Operation, BlobTicket Ticket, long Length)
{
    public const int Size = 32;

    private const byte Version = 1;

    private static ReadOnlySpan<byte> Magic => "FHBX"u8;

    public void Write(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        destination[4] = Version;
        destination[5] = (byte)Operation;
        destination[6] = 0;
        destination[7] = 0;
        Ticket.WriteTo(destination.Slice(8, BlobTicket.Size));
        BinaryPrimitives.WriteInt64LittleEndian(destination.Slice(24, 8), Length);
    }

    public static BlobRequest Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size || !source[..4].SequenceEqual(Magic))
        {
            throw Malformed("the request does not start with the blob protocol's magic bytes");
        }

        if (source[4] != Version)
        {
            throw Malformed($"the request is version {source[4]}, this server speaks version {Version}");
        }

        var operation = (BlobOperation)source[5];
        if (operation is not (BlobOperation.Get or BlobOperation.Put) || source[6] != 0 || source[7] != 0)
        {
            throw Malformed($"the request names operation {source[5]} or has non-zero reserved bytes");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(source.Slice(24, 8));
        if (length < 0)
        {
            throw Malformed($"the request announces a negative length ({length})");
        }

        return new BlobRequest(operation, BlobTicket.FromBytes(source.Slice(8, BlobTicket.Size)), length);
    }

    private static BlobTransferException Malformed(string why) => new(BlobStatus.MalformedFrame, $"Malformed request frame: {why}.");
}
