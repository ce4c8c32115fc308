using System.Net;
using System.Net.Sockets;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// Loopback ports nobody is listening on: each is found by binding port 0 and released before the
/// processes start. All listeners of one call are open together, so the ports are distinct; another
/// program could still take one in between, which the caller sees as a process failing to bind.
/// </summary>
public static class FreePorts
{
    public static IReadOnlyList<int> Pick(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    public static int Pick() => Pick(1)[0];
}
