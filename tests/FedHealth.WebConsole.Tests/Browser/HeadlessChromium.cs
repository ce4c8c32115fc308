using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven over the Chrome DevTools protocol (a WebSocket; no browser
/// download, no driver). A machine without Chromium fails the spec, naming what to install: the
/// browser specs never skip.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutableVariable = "FEDHEALTH_CHROMIUM";
    public const string DefaultExecutable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _stderr;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, ClientWebSocket socket, StringBuilder stderr)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _stderr = stderr;
    }

    public static async Task<HeadlessChromium> OpenAsync(string url)
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) ?? DefaultExecutable;
        if (!File.Exists(executable))
        {
            Assert.Fail($"Chromium is not installed at {executable} ({ExecutableVariable} overrides the path): .ci/run installs Debian's package (apt-get install chromium).");
        }

        var profile = TempFolder.Create();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--ignore-certificate-errors", "--window-size=1280,1100", "--remote-debugging-port=0",
            "--remote-allow-origins=*", $"--user-data-dir={profile}", url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var stderr = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Chromium ({executable}) cannot start: {ex.Message}");
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var port = await DevToolsPort(process, profile, stderr);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
        return new HeadlessChromium(process, profile, socket, stderr);
    }

    /// <summary>The value of a JavaScript expression in the page.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return reply["result"]?["value"];
    }

    /// <summary>Navigates and returns the browser's error text (e.g. a refused TLS handshake), or null when the page loaded.</summary>
    public async Task<string?> NavigateAsync(string url)
    {
        var reply = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        return reply["errorText"]?.GetValue<string>();
    }

    public async Task ScreenshotAsync(string path)
    {
        var reply = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(reply["data"]!.GetValue<string>()));
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is true; fails with what the page showed when it never is.</summary>
    public async Task UntilAsync(string expression, string what)
    {
        var seen = await Eventually.Get(
            async () => (await EvaluateAsync($"Boolean({expression})"))?.GetValue<bool>() == true,
            ok => ok || _process.HasExited,
            what);
        if (!seen)
        {
            Assert.Fail($"Chromium exited while waiting for {what}: {Stderr()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The browser is going away anyway.
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting child; it lives in the temp folder.
        }
    }

    private static async Task<int> DevToolsPort(Process process, string profile, StringBuilder stderr)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var lines = await Eventually.Get(
            () => Task.FromResult(File.Exists(file) ? File.ReadAllLines(file) : []),
            l => l.Length > 0 || process.HasExited,
            "Chromium's DevTools port file");
        if (lines.Length == 0)
        {
            string text;
            lock (stderr)
            {
                text = stderr.ToString();
            }

            Assert.Fail($"Chromium exited ({process.ExitCode}) before it opened its DevTools port: {text}");
        }

        return int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var deadline = new CancellationTokenSource(Eventually.Bound);
        while (true)
        {
            var message = JsonNode.Parse(await ReceiveAsync(deadline.Token))!;
            if (message["id"]?.GetValue<int>() != id)
            {
                continue; // an event, or the answer to nothing we still wait for
            }

            if (message["error"] is { } error)
            {
                Assert.Fail($"DevTools {method} failed: {error.ToJsonString()}");
            }

            return message["result"]!;
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var part = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                Assert.Fail($"Chromium closed the DevTools connection: {Stderr()}");
            }

            message.Write(buffer, 0, part.Count);
            if (part.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }
}
