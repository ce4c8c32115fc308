using Akka.Actor;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// The coordinator's end of the Akka.Remote baseline: announces the length, keeps a window of
/// chunks in flight (so memory stays bounded and the pipe stays full), and completes when the
/// receiver reports the hash of everything it got: acknowledged end to end.
/// </summary>
internal sealed class ChunkSender : ReceiveActor
{
    private SendBlob? _job;
    private int _sent;

    public ChunkSender()
    {
        Receive<SendBlob>(Start);
        Receive<int>(_ => SendNext());
        Receive<string>(Finish);
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new ChunkSender());

    private void Start(SendBlob job)
    {
        _job = job;
        _sent = 0;
        job.Receiver.Tell(job.Chunks.Sum(c => (long)c.Length));
        for (var i = 0; i < job.Window; i++)
        {
            SendNext();
        }
    }

    private void SendNext()
    {
        if (_job is { } job && _sent < job.Chunks.Count)
        {
            job.Receiver.Tell(job.Chunks[_sent++]);
        }
    }

    private void Finish(string sha256)
    {
        _job?.Done.TrySetResult(sha256);
        _job = null;
    }
}
