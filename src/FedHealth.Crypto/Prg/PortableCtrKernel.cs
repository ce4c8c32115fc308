using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace FedHealth.Crypto.Prg;

/// <summary>
/// AES-256-CTR through .NET's AES in ECB mode over a buffer of counter blocks: the fallback for
/// machines without AES-NI, and an independent implementation the tests compare against.
/// </summary>
internal static class PortableCtrKernel
{
    private const int BufferBlocks = 256;

    public static void Run<TSink>(byte[] key, UInt128 counter, ref byte destination, nuint blocks)
        where TSink : struct, IKeystreamSink
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var counters = new byte[BufferBlocks * 16];
        var keystream = new byte[BufferBlocks * 16];
        nuint done = 0;
        while (done < blocks)
        {
            var batch = (int)Math.Min(BufferBlocks, blocks - done);
            for (var j = 0; j < batch; j++)
            {
                BinaryPrimitives.WriteUInt128BigEndian(counters.AsSpan(j * 16, 16), counter);
                counter++;
            }

            aes.EncryptEcb(counters.AsSpan(0, batch * 16), keystream, PaddingMode.None);
            for (var j = 0; j < batch; j++)
            {
                TSink.Apply(ref Unsafe.Add(ref destination, (done + (nuint)j) * 16), Vector128.Create(keystream.AsSpan(j * 16, 16)));
            }

            done += (nuint)batch;
        }

        CryptographicOperations.ZeroMemory(keystream);
    }
}
