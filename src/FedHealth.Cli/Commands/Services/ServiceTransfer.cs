using System.Net;
using FedHealth.Cli.Console;
using FedHealth.Transfer.Client;
using FedHealth.Transfer.Server;

namespace FedHealth.Cli.Commands.Services;

/// <summary>The large-model transfer channel, with the same certificate and peer checks as Akka.Remote.</summary>
internal static class ServiceTransfer
{
    public static BlobServer StartServer(EndpointSection bind, int port, ServiceTls tls)
    {
        var address = bind.Host is "0.0.0.0" or "*" ? IPAddress.Any
            : IPAddress.TryParse(bind.Host, out var parsed) ? parsed
            : Dns.GetHostAddresses(bind.Host).FirstOrDefault() ?? throw new UserInputException($"Coordinator:Bind:Host: cannot resolve '{bind.Host}'.");
        try
        {
            return BlobServer.Start(new BlobServerOptions
            {
                Certificate = tls.Certificate,
                ValidateClient = (certificate, chain, errors) => certificate is not null && tls.Validator.Validate(null, certificate, chain, errors),
                Address = address,
                Port = port,
            });
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new UserInputException($"Coordinator:Transfer:Port: cannot listen on {bind.Host}:{port}: {ex.Message}", ex);
        }
    }

    public static BlobClient Client(ServiceTls tls) => new(new BlobClientOptions
    {
        Certificate = tls.Certificate,
        ValidateServer = (certificate, chain, errors) => certificate is not null && tls.Validator.Validate(null, certificate, chain, errors),
    });
}
