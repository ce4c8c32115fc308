using System.Security.Cryptography;
using Akka.Actor;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// The site's end of the Akka.Remote baseline: a <see cref="long"/> announces the length, then
/// <see cref="byte"/>[] chunks arrive in order (Akka keeps per-pair order); each is acknowledged with
/// its running count (<see cref="int"/>), and once all bytes are in, the SHA-256 of the reassembled
/// vector goes back as a hex <see cref="string"/>. Only primitive types and byte arrays cross the
/// wire, so Akka's fastest built-in serializers carry them.
/// </summary>
internal sealed class ChunkReceiver : ReceiveActor
{
    private byte[] _blob = [];
    private int _received;
    private int _chunks;
    private IncrementalHash? _hash;

    public ChunkReceiver()
    {
        Receive<long>(Expect);
        Receive<byte[]>(Append);
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new ChunkReceiver());

    protected override void PostStop() => _hash?.Dispose();

    private void Expect(long length)
    {
        _blob = GC.AllocateUninitializedArray<byte>(checked((int)length));
        _received = 0;
        _chunks = 0;
        _hash?.Dispose();
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    private void Append(byte[] chunk)
    {
        chunk.CopyTo(_blob, _received);
        _hash!.AppendData(chunk);
        _received += chunk.Length;
        Sender.Tell(++_chunks);
        if (_received == _blob.Length)
        {
            Sender.Tell(Convert.ToHexStringLower(_hash.GetHashAndReset()));
        }
    }
}
