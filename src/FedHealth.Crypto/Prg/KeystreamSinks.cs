using System.Runtime.Intrinsics;

namespace FedHealth.Crypto.Prg;

/// <summary>Writes the keystream.</summary>
internal readonly struct StoreSink : IKeystreamSink
{
    public static void Apply(ref byte destination, Vector128<byte> keystream) => keystream.StoreUnsafe(ref destination);
}

/// <summary>Adds the keystream, read as little-endian 32-bit words, modulo 2^32.</summary>
internal readonly struct Add32Sink : IKeystreamSink
{
    public static void Apply(ref byte destination, Vector128<byte> keystream) =>
        (Vector128.LoadUnsafe(ref destination).AsUInt32() + keystream.AsUInt32()).AsByte().StoreUnsafe(ref destination);
}

/// <summary>Subtracts the keystream, read as little-endian 32-bit words, modulo 2^32.</summary>
internal readonly struct Subtract32Sink : IKeystreamSink
{
    public static void Apply(ref byte destination, Vector128<byte> keystream) =>
        (Vector128.LoadUnsafe(ref destination).AsUInt32() - keystream.AsUInt32()).AsByte().StoreUnsafe(ref destination);
}

/// <summary>Adds the keystream, read as little-endian 64-bit words, modulo 2^64.</summary>
internal readonly struct Add64Sink : IKeystreamSink
{
    public static void Apply(ref byte destination, Vector128<byte> keystream) =>
        (Vector128.LoadUnsafe(ref destination).AsUInt64() + keystream.AsUInt64()).AsByte().StoreUnsafe(ref destination);
}

/// <summary>Subtracts the keystream, read as little-endian 64-bit words, modulo 2^64.</summary>
internal readonly struct Subtract64Sink : IKeystreamSink
{
    public static void Apply(ref byte destination, Vector128<byte> keystream) =>
        (Vector128.LoadUnsafe(ref destination).AsUInt64() - keystream.AsUInt64()).AsByte().StoreUnsafe(ref destination);
}
