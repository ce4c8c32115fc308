using System.Collections.Immutable;
using System.Security.Cryptography;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Offers;

public sealed class BlobOfferSpecs
{
    [Fact]
    public void An_offer_names_the_length_and_SHA256_of_its_blob()
    {
        var blob = Blobs.Random(1000);

        var offer = BlobOffer.For(blob);

        Assert.Equal(1000, offer.Length);
        Assert.Equal(SHA256.HashData(blob), offer.Sha256.ToArray());
    }

    [Fact]
    public void Every_offer_gets_a_fresh_128_bit_ticket_even_for_the_same_bytes()
    {
        var blob = Blobs.Random(10);

        Assert.NotEqual(BlobOffer.For(blob).Ticket, BlobOffer.For(blob).Ticket);
        Assert.Equal(16, BlobTicket.Size);
    }

    [Fact]
    public void Offers_are_equal_by_value()
    {
        var offer = BlobOffer.For(Blobs.Random(10));

        var copy = new BlobOffer(BlobTicket.FromBytes(offer.Ticket.ToArray()), offer.Length, [.. offer.Sha256]);

        Assert.Equal(offer, copy);
        Assert.Equal(offer.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(offer, new BlobOffer(offer.Ticket, offer.Length + 1, offer.Sha256));
    }

    [Fact]
    public void A_ticket_survives_its_16_bytes_and_prints_as_hex()
    {
        var ticket = BlobTicket.NewTicket();

        Assert.Equal(ticket, BlobTicket.FromBytes(ticket.ToArray()));
        Assert.Equal(Convert.ToHexStringLower(ticket.ToArray()), ticket.ToString());
    }

    [Fact]
    public void An_offer_refuses_a_hash_that_is_not_32_bytes_and_a_negative_length()
    {
        Assert.Throws<ArgumentException>(() => new BlobOffer(BlobTicket.NewTicket(), 1, ImmutableArray.Create(new byte[31])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobOffer(BlobTicket.NewTicket(), -1, ImmutableArray.Create(new byte[32])));
    }
}
