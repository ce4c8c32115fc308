using System.Runtime.Intrinsics;

namespace FedHealth.Crypto.Prg;

/// <summary>
/// What the CTR kernel does with each 16-byte keystream block. Implemented by structs so that the
/// JIT specialises the kernel per sink and the keystream never leaves registers.
/// </summary>
internal interface IKeystreamSink
{
    static abstract void Apply(ref byte destination, Vector128<byte> keystream);
}
