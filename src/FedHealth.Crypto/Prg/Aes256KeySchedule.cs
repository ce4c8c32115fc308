using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace FedHealth.Crypto.Prg;

/// <summary>
/// AES-256 key expansion (FIPS-197 §5.2) with AESKEYGENASSIST, so that no secret-dependent table
/// lookup happens. Produces the 15 round keys in the byte order AESENC expects.
/// </summary>
internal static class Aes256KeySchedule
{
    public const int RoundKeys = 15;

    public static Vector128<byte>[] Expand(ReadOnlySpan<byte> key)
    {
        if (!X86Aes.IsSupported)
        {
            throw new PlatformNotSupportedException("AES-NI is not available.");
        }

        var rk = new Vector128<byte>[RoundKeys];
        var a = Vector128.Create(key[..16]);
        var b = Vector128.Create(key[16..32]);
        rk[0] = a;
        rk[1] = b;
        // The round constant must be an immediate, hence the unrolled calls.
        a = First(a, X86Aes.KeygenAssist(b, 0x01)); rk[2] = a; b = Second(b, a); rk[3] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x02)); rk[4] = a; b = Second(b, a); rk[5] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x04)); rk[6] = a; b = Second(b, a); rk[7] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x08)); rk[8] = a; b = Second(b, a); rk[9] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x10)); rk[10] = a; b = Second(b, a); rk[11] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x20)); rk[12] = a; b = Second(b, a); rk[13] = b;
        a = First(a, X86Aes.KeygenAssist(b, 0x40)); rk[14] = a;
        return rk;
    }

    // w[i] = w[i-8] ^ SubWord(RotWord(w[i-1])) ^ Rcon, then the running xor of the other three words.
    private static Vector128<byte> First(Vector128<byte> previous, Vector128<byte> assist)
    {
        var t = Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte();
        return SpreadXor(previous) ^ t;
    }

    // w[i] = w[i-8] ^ SubWord(w[i-1]) for i ≡ 4 (mod 8), then the running xor.
    private static Vector128<byte> Second(Vector128<byte> previous, Vector128<byte> latest)
    {
        var t = Sse2.Shuffle(X86Aes.KeygenAssist(latest, 0x00).AsInt32(), 0xAA).AsByte();
        return SpreadXor(previous) ^ t;
    }

    private static Vector128<byte> SpreadXor(Vector128<byte> v)
    {
        // Prefix xor over the four 32-bit words: [w0, w0^w1, w0^w1^w2, w0^w1^w2^w3].
        v ^= Sse2.ShiftLeftLogical128BitLane(v, 4);
        v ^= Sse2.ShiftLeftLogical128BitLane(v, 8);
        return v;
    }
}
