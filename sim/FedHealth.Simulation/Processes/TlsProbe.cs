using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// A bare TLS client that presents a given certificate and nothing more. With TLS 1.3 the server
/// checks the client's certificate after the client's side of the handshake is done, so a refusal
/// shows as the connection being closed on the first read.
/// </summary>
internal static class TlsProbe
{
    public static async Task<bool> RefusedAsync(string host, int port, string pkcs12Path, string password, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pkcs12Path, password);
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            var stream = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            await using (stream.ConfigureAwait(false))
            {
                var options = new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    ClientCertificates = [certificate],
                    // Whatever the coordinator asks for, this certificate is the one presented.
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                    // The probe asks how the coordinator judges this certificate, not the reverse.
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                };
                await stream.AuthenticateAsClientAsync(options, timeout.Token).ConfigureAwait(false);
                var buffer = new byte[256];
                return await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false) == 0;
            }
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
