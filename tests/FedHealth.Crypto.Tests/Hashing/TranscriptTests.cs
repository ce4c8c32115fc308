using FedHealth.Crypto.Hashing;

namespace FedHealth.Crypto.Tests.Hashing;

public sealed class TranscriptTests
{
    [Fact]
    public void Field_boundaries_are_unambiguous()
    {
        var a = new Transcript("d").Append("ab").Append("c").Hash();
        var b = new Transcript("d").Append("a").Append("bc").Hash();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void The_domain_separates_transcripts()
    {
        Assert.NotEqual(new Transcript("advertise").Append(1).Hash(), new Transcript("survivors").Append(1).Hash());
    }

    [Fact]
    public void Encoding_is_length_prefixed_big_endian()
    {
        var bytes = new Transcript("d").Append(new byte[] { 7 }).Append(258L).ToArray();

        Assert.Equal("0000000164" + "0000000107" + "00000008" + "0000000000000102", Hex.Of(bytes));
    }
}
