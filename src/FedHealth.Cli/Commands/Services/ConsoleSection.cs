using FedHealth.WebConsole.Access;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// The service's web console (docs/console.md): off unless <see cref="Url"/> is set, e.g.
/// <c>http://127.0.0.1:7480</c>; any address but the loopback one must be <c>https://</c>, and
/// then every client needs a consortium certificate in the <c>operator</c> role.
/// </summary>
internal sealed class ConsoleSection
{
    public string? Url { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public static void Check(string key, ConsoleSection console, MetricsSection metrics, List<string> problems)
    {
        if (!console.Enabled)
        {
            return;
        }

        var address = ConsoleAddress.Parse($"{key}:Url", console.Url!, problems);
        if (address is not null && metrics.Enabled && metrics.Port == address.Port)
        {
            problems.Add($"{key}:Url: port {address.Port} is the metrics endpoint's too; give the console a port of its own.");
        }
    }
}
