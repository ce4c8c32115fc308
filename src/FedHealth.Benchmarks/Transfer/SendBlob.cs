using Akka.Actor;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>Tells the local <see cref="ChunkSender"/> to move <paramref name="Chunks"/> to <paramref name="Receiver"/>, at most <paramref name="Window"/> unacknowledged at a time.</summary>
internal sealed record SendBlob(IActorRef Receiver, IReadOnlyList<byte[]> Chunks, int Window, TaskCompletionSource<string> Done);
