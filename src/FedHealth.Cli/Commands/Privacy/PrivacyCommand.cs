using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Cli.Commands.Privacy;

/// <summary><c>fedhealth privacy epsilon|noise</c>: the accountant, for planning a study.</summary>
internal static class PrivacyCommand
{
    public static Command Create() => new("privacy", "Differential-privacy accounting (RDP of the Poisson-subsampled Gaussian)")
    {
        Epsilon(),
        Noise(),
    };

    private static Command Epsilon()
    {
        var sigma = new Option<double>("--noise-multiplier") { Description = "σ: noise standard deviation over the clipping norm", Required = true };
        var (rate, steps, delta, json) = CommonOptions();
        var command = new Command("epsilon", "ε spent by T steps of the subsampled Gaussian mechanism") { sigma, rate, steps, delta, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var result = Checked(() => RdpAccountant.Epsilon(parse.GetValue(sigma), parse.GetValue(rate), parse.GetValue(steps), parse.GetValue(delta)));
            Print(parse.GetValue(json),
                new JsonObject { ["epsilon"] = result.Epsilon, ["order"] = result.Order, ["delta"] = result.Delta },
                $"ε = {result.Epsilon.ToString("0.0000", CultureInfo.InvariantCulture)} at δ = {result.Delta.ToString(CultureInfo.InvariantCulture)} (best Rényi order {result.Order.ToString(CultureInfo.InvariantCulture)})");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static Command Noise()
    {
        var target = new Option<double>("--target-epsilon") { Description = "The ε the whole run may spend", Required = true };
        var (rate, steps, delta, json) = CommonOptions();
        var command = new Command("noise", "The smallest noise multiplier that keeps T steps within a target ε") { target, rate, steps, delta, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var sigma = Checked(() => NoiseCalibration.NoiseMultiplier(parse.GetValue(target), parse.GetValue(rate), parse.GetValue(steps), parse.GetValue(delta)));
            var achieved = RdpAccountant.Epsilon(sigma, parse.GetValue(rate), parse.GetValue(steps), parse.GetValue(delta));
            Print(parse.GetValue(json),
                new JsonObject { ["noise_multiplier"] = sigma, ["epsilon"] = achieved.Epsilon, ["order"] = achieved.Order, ["delta"] = achieved.Delta },
                $"noise multiplier σ = {sigma.ToString("G3", CultureInfo.InvariantCulture)} (spends ε = {achieved.Epsilon.ToString("0.0000", CultureInfo.InvariantCulture)} at δ = {achieved.Delta.ToString(CultureInfo.InvariantCulture)})");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static (Option<double> Rate, Option<long> Steps, Option<double> Delta, Option<bool> Json) CommonOptions() =>
    (
        new Option<double>("--sampling-rate") { Description = "q: the Poisson sampling rate of records per step, in (0, 1]", Required = true },
        new Option<long>("--steps") { Description = "T: the number of steps", Required = true },
        new Option<double>("--delta") { Description = "δ, in (0, 1)", Required = true },
        new Option<bool>("--json") { Description = "Print one JSON object" }
    );

    private static T Checked<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException(ex.Message, ex);
        }
    }

    private static void Print(bool json, JsonObject value, string text) =>
        Terminal.Results.WriteLine(json ? value.ToJsonString() : text);
}
