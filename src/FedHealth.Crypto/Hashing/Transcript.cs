using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FedHealth.Crypto.Hashing;

/// <summary>
/// An unambiguous encoding of a sequence of fields under a domain label: every field is
/// length-prefixed, so no two different sequences encode to the same bytes. Used for everything
/// that is signed, hashed into an identifier, or bound as associated data.
/// </summary>
public sealed class Transcript
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public Transcript(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        Append(domain);
    }

    public Transcript Append(ReadOnlySpan<byte> field)
    {
        var prefix = _buffer.GetSpan(4);
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)field.Length);
        _buffer.Advance(4);
        _buffer.Write(field);
        return this;
    }

    public Transcript Append(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Append(Encoding.UTF8.GetBytes(field));
    }

    public Transcript Append(long field)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, field);
        return Append(bytes);
    }

    /// <summary>The encoded bytes (what gets signed or used as associated data).</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>SHA-256 of the encoded bytes.</summary>
    public byte[] Hash() => SHA256.HashData(_buffer.WrittenSpan);
}
