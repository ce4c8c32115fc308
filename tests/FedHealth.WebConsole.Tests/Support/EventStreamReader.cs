using System.Text;
using System.Text.Json.Nodes;

namespace FedHealth.WebConsole.Tests.Support;

/// <summary>Reads a Server-Sent Events response event by event (name and JSON data), as a browser's EventSource does.</summary>
internal sealed class EventStreamReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public int Comments { get; private set; }

    public async Task<(string Name, JsonNode Data)> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return (name ?? "message", JsonNode.Parse(data.ToString())!);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }

    /// <summary>The first event whose data satisfies <paramref name="wanted"/>.</summary>
    public async Task<(string Name, JsonNode Data)> UntilAsync(Func<JsonNode, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await NextAsync(cancellationToken).ConfigureAwait(false);
            if (wanted(next.Data))
            {
                return next;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
