using System.Runtime.Intrinsics;
using FedHealth.Crypto.Prg;

namespace FedHealth.Crypto.Tests.Prg;

public sealed class Aes256KeyScheduleTests
{
    // FIPS-197 Appendix A.3: the expansion of a 256-bit cipher key, words w[0..59] grouped by round.
    private static readonly string[] ExpectedRoundKeys =
    [
        "603deb1015ca71be2b73aef0857d7781", "1f352c073b6108d72d9810a30914dff4",
        "9ba354118e6925afa51a8b5f2067fcde", "a8b09c1a93d194cdbe49846eb75d5b9a",
        "d59aecb85bf3c917fee94248de8ebe96", "b5a9328a2678a647983122292f6c79b3",
        "812c81addadf48ba24360af2fab8b464", "98c5bfc9bebd198e268c3ba709e04214",
        "68007bacb2df331696e939e46c518d80", "c814e20476a9fb8a5025c02d59c58239",
        "de1369676ccc5a71fa2563959674ee15", "5886ca5d2e2f31d77e0af1fa27cf73c3",
        "749c47ab18501ddae2757e4f7401905a", "cafaaae3e4d59b349adf6acebd10190d",
        "fe4890d1e6188d0b046df344706c631e",
    ];

    [Fact]
    public void Expansion_matches_FIPS_197_appendix_A3()
    {
        if (!AesCtrPrg.IsHardwareAccelerated)
        {
            return;
        }

        var keys = Aes256KeySchedule.Expand(Hex.Bytes("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"));

        Assert.Equal(ExpectedRoundKeys, keys.Select(Bytes).ToArray());
    }

    private static string Bytes(System.Runtime.Intrinsics.Vector128<byte> key)
    {
        var bytes = new byte[16];
        key.CopyTo(bytes);
        return Hex.Of(bytes);
    }
}
