using System.Net;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;
using FedHealth.WebConsole.Access;
using FedHealth.WebConsole.Studies;
using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Access;

/// <summary>
/// A console bound beyond the loopback address (0.0.0.0, over https) on a real Kestrel: only a
/// consortium certificate in the operator role opens it.
/// </summary>
public sealed class OperatorAccessSpecs : IDisposable
{
    private readonly Consortium _consortium = Consortium.Create();

    [Fact]
    public async Task A_client_without_a_certificate_is_refused()
    {
        await using var host = await Https(out _, out _);

        using var client = Client(host, certificate: null);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("api/studies"));
    }

    [Fact]
    public async Task A_site_certificate_of_the_consortium_is_refused_because_sites_are_not_operators()
    {
        await using var host = await Https(out var access, out var refusals);
        using var site = _consortium.Issue("hospital-a", PeerRole.Site);

        using var client = Client(host, site);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("api/studies"));
        Assert.True(access.Refused > 0);
        Assert.Contains(refusals, r => r.Contains("site 'hospital-a' is not an operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_certificate_of_another_ca_is_refused()
    {
        await using var host = await Https(out _, out var refusals);
        using var other = Consortium.Create();
        using var stranger = other.Issue("alice", PeerRole.Operator);

        using var client = Client(host, stranger);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("api/studies"));
        Assert.Contains(refusals, r => r.StartsWith("WrongCa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_certificate_of_the_consortium_opens_the_console()
    {
        await using var host = await Https(out _, out _);
        using var alice = _consortium.Issue("alice", PeerRole.Operator);

        using var client = Client(host, alice);

        Assert.Equal("[]", await client.GetStringAsync("api/studies"));
    }

    public void Dispose() => _consortium.Dispose();

    private Task<ConsoleHost> Https(out OperatorAccess access, out List<string> refusals)
    {
        var seen = new List<string>();
        refusals = seen;
        var server = _consortium.Issue("coordinator", PeerRole.Coordinator);
        access = new OperatorAccess(_consortium.Trust(), reason => { lock (seen) { seen.Add(reason); } });
        var address = new ConsoleAddress(IPAddress.Any, FreePort.Next(), Https: true);
        return ConsoleHost.Studies(new StudyBoard(), new ConsoleListener(address, server, access));
    }

    private static HttpClient Client(ConsoleHost host, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{host.Address.Port}/") };
    }
}
