using System.CommandLine;
using System.Globalization;
using FedHealth.Benchmarks.Transfer;
using FedHealth.Cli.Console;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// <c>fedhealth bench transfer</c>: a float32 weight vector moved coordinator → site on loopback over
/// the mutual-TLS blob channel and over plain Akka.Remote, in one run, side by side (docs/model-transfer.md).
/// </summary>
internal static class TransferBench
{
    public static Command Create()
    {
        var size = new Option<int>("--size-mb") { Description = "Size of the weight vector in MB (10^6 bytes)", DefaultValueFactory = _ => 100 };
        var repeat = new Option<int>("--repeat") { Description = "Measured transfers per channel (figures are medians)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("transfer", "Model transfer on loopback: the mutual-TLS blob channel against plain Akka.Remote, measured in one run") { size, repeat, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            if (parse.GetValue(size) < 1 || parse.GetValue(repeat) < 1)
            {
                throw new UserInputException("bench transfer needs --size-mb ≥ 1 and --repeat ≥ 1.");
            }

            var result = await TransferBenchmark.RunAsync(
                new TransferBenchOptions { SizeMb = parse.GetValue(size), Repetitions = parse.GetValue(repeat) },
                line => Terminal.Err.WriteLine(line),
                token).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                Terminal.Results.WriteLine(result.ToJson());
            }
            else
            {
                Print(result);
            }

            return result.Verified ? ExitCodes.Success : ExitCodes.RunFailed;
        }, ct));
        return command;
    }

    private static void Print(TransferBenchResult result)
    {
        var table = new Table().AddColumns("channel", "chunk (B)", "time (s)", "MB/s", "runs (MB/s)");
        foreach (var channel in new[] { result.Blob }.Concat(result.Akka))
        {
            table.AddRow(
                channel.Channel,
                channel.ChunkBytes.ToString(CultureInfo.InvariantCulture),
                channel.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
                channel.MegabytesPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                string.Join(", ", channel.RunsMegabytesPerSecond.Select(r => r.ToString("0", CultureInfo.InvariantCulture))));
        }

        Terminal.Out.Write(table);
        Terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.SizeBytes / 1e6:0} MB float32 vector, {result.Repetitions} runs each (medians), {result.Cores} cores, all on 127.0.0.1 with mutual TLS; bytes verified: {result.Verified}."));
        Terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"blob channel / fastest Akka.Remote = {result.Ratio:0.0}× (/ Akka.Remote as shipped = {result.RatioVersusDefaultFrames:0.0}×); publishing (SHA-256 once) took {result.PublishMilliseconds:0} ms."));
        foreach (var channel in new[] { result.Blob }.Concat(result.Akka))
        {
            Terminal.Out.WriteLine($"{channel.Channel}: {channel.Configuration}.");
        }
    }
}
