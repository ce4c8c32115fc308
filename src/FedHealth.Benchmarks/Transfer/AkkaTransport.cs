namespace FedHealth.Benchmarks.Transfer;

/// <summary>An Akka.Remote (DotNetty TCP) configuration to measure, and the chunk size that fits its frames.</summary>
internal sealed record AkkaTransport(string Name, int MaximumFrameBytes, int SocketBufferBytes, int ChunkBytes)
{
    /// <summary>Akka.Remote as shipped: 128,000-byte frames, 256,000-byte socket buffers; 100,000-byte chunks leave room for the envelope.</summary>
    public static AkkaTransport Default { get; } = new("akka-remote default frames", 128_000, 256_000, 100_000);

    /// <summary>Frames raised to 4 MiB and socket buffers to 4 MiB (as the blob channel's), carrying 1 MiB chunks.</summary>
    public static AkkaTransport LargeFrames { get; } = new("akka-remote 4 MiB frames", 4 << 20, 4 << 20, 1 << 20);

    /// <summary>Keeps about 4 MiB in flight.</summary>
    public int Window => Math.Max(2, (4 << 20) / ChunkBytes);

    public string Describe(bool tls) =>
        $"DotNetty TCP on 127.0.0.1{(tls ? ", TLS with mutual authentication" : ", plaintext")}, maximum-frame-size {MaximumFrameBytes} B, "
        + $"socket buffers {SocketBufferBytes} B, byte[] chunks of {ChunkBytes} B, {Window} in flight, each acknowledged, SHA-256 checked by the receiver";

    public string Hocon(bool tls) => $$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor.provider = remote
          remote.log-remote-lifecycle-events = off
          remote.dot-netty.tcp {
            hostname = 127.0.0.1
            port = 0
            enable-ssl = {{(tls ? "on" : "off")}}
            maximum-frame-size = {{MaximumFrameBytes}}b
            send-buffer-size = {{SocketBufferBytes}}b
            receive-buffer-size = {{SocketBufferBytes}}b
          }
        }
        """;
}
