using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace FedHealth.Crypto.Prg;

/// <summary>
/// AES-256-CTR with AES-NI, eight counter blocks in flight so that the AESENC latency is hidden
/// behind its throughput. The counter is the 128-bit big-endian integer of NIST SP 800-38A.
/// </summary>
internal static class AesNiCtrKernel
{
    private const int Lanes = 8;

    public static bool IsSupported => X86Aes.IsSupported && Ssse3.IsSupported;

    /// <summary>Applies <typeparamref name="TSink"/> to <paramref name="blocks"/> whole blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSink>(Vector128<byte>[] roundKeys, UInt128 counter, ref byte destination, nuint blocks)
        where TSink : struct, IKeystreamSink
    {
        ref var rk = ref roundKeys[0];
        var k0 = rk;
        var k14 = Unsafe.Add(ref rk, 14);
        var swap = Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        var lo = (ulong)counter;
        var hi = (ulong)(counter >> 64);
        var one = Vector128.Create(1UL, 0UL);
        nuint done = 0;
        while (blocks - done >= Lanes)
        {
            if (lo > ulong.MaxValue - Lanes)
            {
                // The low half wraps inside this batch: take the rare slow path with carries.
                for (var j = 0; j < Lanes; j++)
                {
                    TSink.Apply(ref Unsafe.Add(ref destination, (done + (nuint)j) * 16), EncryptOne(roundKeys, Swap(lo, hi, swap)));
                    Increment(ref lo, ref hi);
                }

                done += Lanes;
                continue;
            }

            var c = Vector128.Create(lo, hi);
            var b0 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b1 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b2 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b3 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b4 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b5 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b6 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;
            c += one;
            var b7 = Ssse3.Shuffle(c.AsByte(), swap) ^ k0;

            for (var r = 1; r < 14; r++)
            {
                var k = Unsafe.Add(ref rk, r);
                b0 = X86Aes.Encrypt(b0, k);
                b1 = X86Aes.Encrypt(b1, k);
                b2 = X86Aes.Encrypt(b2, k);
                b3 = X86Aes.Encrypt(b3, k);
                b4 = X86Aes.Encrypt(b4, k);
                b5 = X86Aes.Encrypt(b5, k);
                b6 = X86Aes.Encrypt(b6, k);
                b7 = X86Aes.Encrypt(b7, k);
            }

            ref var d = ref Unsafe.Add(ref destination, done * 16);
            TSink.Apply(ref d, X86Aes.EncryptLast(b0, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 16), X86Aes.EncryptLast(b1, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 32), X86Aes.EncryptLast(b2, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 48), X86Aes.EncryptLast(b3, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 64), X86Aes.EncryptLast(b4, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 80), X86Aes.EncryptLast(b5, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 96), X86Aes.EncryptLast(b6, k14));
            TSink.Apply(ref Unsafe.Add(ref d, 112), X86Aes.EncryptLast(b7, k14));
            lo += Lanes;
            done += Lanes;
        }

        for (; done < blocks; done++)
        {
            TSink.Apply(ref Unsafe.Add(ref destination, done * 16), EncryptOne(roundKeys, Swap(lo, hi, swap)));
            Increment(ref lo, ref hi);
        }
    }

    public static Vector128<byte> EncryptOne(Vector128<byte>[] roundKeys, Vector128<byte> block)
    {
        var b = block ^ roundKeys[0];
        for (var r = 1; r < 14; r++)
        {
            b = X86Aes.Encrypt(b, roundKeys[r]);
        }

        return X86Aes.EncryptLast(b, roundKeys[14]);
    }

    private static Vector128<byte> Swap(ulong lo, ulong hi, Vector128<byte> swap) =>
        Ssse3.Shuffle(Vector128.Create(lo, hi).AsByte(), swap);

    private static void Increment(ref ulong lo, ref ulong hi)
    {
        lo++;
        if (lo == 0)
        {
            hi++;
        }
    }
}
