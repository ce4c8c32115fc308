using System.Collections.Immutable;
using System.Security.Cryptography;

namespace FedHealth.Transfer.Offers;

/// <summary>
/// What an Akka message carries instead of the bytes: a ticket, the exact length and the SHA-256 of
/// the whole blob. The receiver accepts the bytes only if both match, so the offer (which travels
/// over the authenticated actor channel) is what the blob channel's integrity is checked against.
/// </summary>
public sealed record BlobOffer
{
    public const int HashSize = 32;

    public BlobOffer(BlobTicket ticket, long length, ImmutableArray<byte> sha256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (sha256.IsDefault || sha256.Length != HashSize)
        {
            throw new ArgumentException($"A SHA-256 is {HashSize} bytes.", nameof(sha256));
        }

        Ticket = ticket;
        Length = length;
        Sha256 = sha256;
    }

    public BlobTicket Ticket { get; }

    public long Length { get; }

    public ImmutableArray<byte> Sha256 { get; }

    /// <summary>An offer for <paramref name="data"/> under a fresh random ticket.</summary>
    public static BlobOffer For(ReadOnlySpan<byte> data) =>
        new(BlobTicket.NewTicket(), data.Length, ImmutableArray.Create(SHA256.HashData(data)));

    public bool Equals(BlobOffer? other) =>
        other is not null && Ticket == other.Ticket && Length == other.Length && Sha256.AsSpan().SequenceEqual(other.Sha256.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Ticket, Length);

    public override string ToString() => $"BlobOffer {{ Ticket = {Ticket}, Length = {Length}, Sha256 = {Convert.ToHexStringLower(Sha256.AsSpan())} }}";
}
