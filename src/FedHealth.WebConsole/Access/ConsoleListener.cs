using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FedHealth.WebConsole.Access;

/// <summary>
/// The console's Kestrel listener and its gate. Over HTTPS the TLS handshake itself requires an
/// operator's client certificate (<see cref="OperatorAccess"/>); every request on the console's
/// port is checked again before it reaches a page, and over plain HTTP only loopback peers pass.
/// </summary>
public sealed class ConsoleListener
{
    private readonly ConsoleAddress _address;
    private readonly X509Certificate2? _certificate;
    private readonly OperatorAccess? _access;

    /// <param name="certificate">The service's own certificate, with its key (required for https).</param>
    /// <param name="access">Who may connect over https (required for https).</param>
    public ConsoleListener(ConsoleAddress address, X509Certificate2? certificate, OperatorAccess? access)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Https && (certificate is null || access is null))
        {
            throw new ArgumentException("An https console needs the service's certificate and the operator access check.", nameof(address));
        }

        _address = address;
        _certificate = certificate;
        _access = access;
    }

    public ConsoleAddress Address => _address;

    public void Listen(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Listen(_address.Address, _address.Port, listen =>
        {
            if (!_address.Https)
            {
                return;
            }

            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = _certificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                // Revocation is the consortium CRL's job (OperatorAccess), not the machine's.
                CheckCertificateRevocation = false,
                ClientCertificateValidation = (certificate, chain, _) => _access!.Refusal(certificate, chain) is null,
            });
        });
    }

    /// <summary>Refuses, with 403, any request on the console's port that did not come from an admitted peer.</summary>
    public void UseGate(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort == _address.Port && await Refusal(context).ConfigureAwait(false) is { } refusal)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("forbidden: " + refusal + "\n").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }

    private async Task<string?> Refusal(HttpContext context)
    {
        if (!_address.Https)
        {
            return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
                ? null
                : "this console answers loopback clients only over http";
        }

        var certificate = context.Connection.ClientCertificate ?? await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        return certificate is null ? "a consortium operator certificate is required" : _access!.Refusal(certificate, null);
    }
}
