using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace FedHealth.Transfer.Offers;

/// <summary>
/// 128 random bits from the operating system's CSPRNG that name one blob for one direction of
/// transfer. Knowing a ticket is necessary but not sufficient: the peer must also pass mutual TLS.
/// </summary>
public readonly record struct BlobTicket
{
    public const int Size = 16;

    private readonly UInt128 _value;

    private BlobTicket(UInt128 value) => _value = value;

    public static BlobTicket NewTicket()
    {
        Span<byte> bytes = stackalloc byte[Size];
        RandomNumberGenerator.Fill(bytes);
        return FromBytes(bytes);
    }

    public static BlobTicket FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A ticket is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new BlobTicket(BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt128BigEndian(destination, _value);

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => _value.ToString("x32", CultureInfo.InvariantCulture);
}
