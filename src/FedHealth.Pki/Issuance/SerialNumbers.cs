using System.Security.Cryptography;

namespace FedHealth.Pki.Issuance;

/// <summary>Certificate serial numbers: 16 bytes from the OS CSPRNG, so they cannot be predicted or collide.</summary>
internal static class SerialNumbers
{
    public const int Size = 16;

    /// <summary>
    /// A fresh serial, big-endian. The top bit is cleared (a serial is a positive INTEGER) and the
    /// next set, so it always encodes in exactly 16 bytes: 126 random bits.
    /// </summary>
    public static byte[] New()
    {
        var serial = RandomNumberGenerator.GetBytes(Size);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    /// <summary>The canonical text form: upper-case hex without leading zero bytes, as <c>X509Certificate2.SerialNumber</c> shows it.</summary>
    public static string ToText(ReadOnlySpan<byte> bigEndian)
    {
        while (bigEndian.Length > 1 && bigEndian[0] == 0)
        {
            bigEndian = bigEndian[1..];
        }

        return Convert.ToHexString(bigEndian);
    }

    public static string Normalise(string hex) => ToText(Convert.FromHexString(hex));
}
