using System.Net;

namespace FedHealth.WebConsole.Access;

/// <summary>
/// Where a console listens (<c>Coordinator:Console:Url</c>, <c>Node:Console:Url</c>), e.g.
/// <c>http://127.0.0.1:7480</c>. Plain HTTP is allowed on the loopback address only; any other
/// address needs <c>https://</c>, where every client must present a consortium certificate in the
/// <c>operator</c> role (see <see cref="OperatorAccess"/>).
/// </summary>
public sealed record ConsoleAddress(IPAddress Address, int Port, bool Https)
{
    public const string DefaultHost = "127.0.0.1";

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public string Url => $"{(Https ? "https" : "http")}://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString())}:{Port}";

    /// <summary>The address in <paramref name="url"/>; null with the problems (each naming <paramref name="key"/>) added when it is unusable.</summary>
    public static ConsoleAddress? Parse(string key, string url, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{key} must be an http:// or https:// URL such as http://{DefaultHost}:7480 (got '{url}').");
            return null;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            problems.Add($"{key} must be a scheme, host and port only, with no path, query or user (got '{url}').");
            return null;
        }

        var host = uri.IdnHost;
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : null;
        if (address is null)
        {
            problems.Add($"{key}: the host must be an IP address (127.0.0.1, 0.0.0.0, …) or localhost (got '{host}').");
            return null;
        }

        if (uri.IsDefaultPort || uri.Port is < 1 or > 65535)
        {
            problems.Add($"{key} must name a port other than the scheme's default, 1–65535, e.g. http://{DefaultHost}:7480 (got '{url}').");
            return null;
        }

        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (!https && !IPAddress.IsLoopback(address))
        {
            problems.Add($"{key}: a console on {host} (not the loopback address) must use https://, where every client needs a consortium certificate in the operator role; plain http:// is allowed on 127.0.0.1 only.");
            return null;
        }

        return new ConsoleAddress(address, uri.Port, https);
    }
}
