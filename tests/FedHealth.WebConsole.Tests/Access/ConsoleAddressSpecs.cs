using System.Net;
using FedHealth.WebConsole.Access;

namespace FedHealth.WebConsole.Tests.Access;

public sealed class ConsoleAddressSpecs
{
    [Theory]
    [InlineData("http://127.0.0.1:7480")]
    [InlineData("http://localhost:7480")]
    [InlineData("http://[::1]:7480")]
    public void Plain_http_on_the_loopback_address_is_accepted(string url)
    {
        var problems = new List<string>();

        var address = ConsoleAddress.Parse("Coordinator:Console:Url", url, problems);

        Assert.Empty(problems);
        Assert.True(address!.IsLoopback);
        Assert.Equal((7480, false), (address.Port, address.Https));
    }

    [Fact]
    public void Plain_http_on_another_address_is_refused_naming_the_key_and_what_is_needed()
    {
        var problems = new List<string>();

        Assert.Null(ConsoleAddress.Parse("Coordinator:Console:Url", "http://0.0.0.0:7480", problems));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Coordinator:Console:Url", problem, StringComparison.Ordinal);
        Assert.Contains("https://", problem, StringComparison.Ordinal);
        Assert.Contains("operator", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_on_any_address_is_accepted()
    {
        var problems = new List<string>();

        var address = ConsoleAddress.Parse("Node:Console:Url", "https://0.0.0.0:7481", problems);

        Assert.Empty(problems);
        Assert.Equal((IPAddress.Any, true), (address!.Address, address.Https));
    }

    [Theory]
    [InlineData("127.0.0.1:7480", "http://")]
    [InlineData("ftp://127.0.0.1:7480", "http://")]
    [InlineData("http://127.0.0.1:7480/console", "no path")]
    [InlineData("http://127.0.0.1", "port")]
    [InlineData("http://console.example.org:7480", "IP address")]
    public void A_url_that_cannot_be_listened_on_is_refused_with_the_reason(string url, string reason)
    {
        var problems = new List<string>();

        Assert.Null(ConsoleAddress.Parse("Node:Console:Url", url, problems));

        Assert.Contains(reason, Assert.Single(problems), StringComparison.Ordinal);
    }
}
