using System.Net.Sockets;

namespace FedHealth.Transfer.Tls;

/// <summary>Socket settings for bulk transfer, the same on both ends.</summary>
internal static class SocketTuning
{
    /// <param name="bufferBytes">Kernel send and receive buffer; 0 leaves the operating system's auto-tuning alone.</param>
    public static void Apply(Socket socket, int bufferBytes)
    {
        // Frames are written whole and the verdicts are tiny: never let Nagle hold one back.
        socket.NoDelay = true;
        if (bufferBytes > 0)
        {
            socket.SendBufferSize = bufferBytes;
            socket.ReceiveBufferSize = bufferBytes;
        }
    }
}
