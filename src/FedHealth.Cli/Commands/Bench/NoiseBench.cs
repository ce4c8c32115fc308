using System.CommandLine;
using System.Globalization;
using FedHealth.Benchmarks.Noise;
using FedHealth.Cli.Console;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// <c>fedhealth bench noise</c>: one site's distributed discrete-Gaussian noise share, the old
/// rejection sampler against the table sampler, alternated in one run on one thread.
/// </summary>
internal static class NoiseBench
{
    public static Command Create()
    {
        var coordinates = new Option<int>("--coordinates") { Description = "Noise coordinates per site", DefaultValueFactory = _ => 1_000_000 };
        var sigma = new Option<double>("--sigma") { Description = "σ_site in quantized units (default 2^14/√7, a representative share)", DefaultValueFactory = _ => new NoiseBenchOptions().SiteStdDev };
        var repeat = new Option<int>("--repeat") { Description = "Alternating runs per sampler (figures are medians)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("noise", "Distributed-DP noise per site: the exact rejection sampler against the exact table sampler, measured in one run") { coordinates, sigma, repeat, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            if (parse.GetValue(coordinates) < 1 || parse.GetValue(repeat) < 1 || !(parse.GetValue(sigma) > 0))
            {
                throw new UserInputException("bench noise needs --coordinates ≥ 1, --repeat ≥ 1 and --sigma > 0.");
            }

            var options = new NoiseBenchOptions { Coordinates = parse.GetValue(coordinates), SiteStdDev = parse.GetValue(sigma), Repetitions = parse.GetValue(repeat) };
            NoiseBenchResult result;
            try
            {
                result = NoiseBenchmark.Run(options, line => Terminal.Err.WriteLine(line));
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new UserInputException(ex.Message);
            }

            Terminal.Results.WriteLine(parse.GetValue(json) ? result.ToJson() : Describe(result));
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static string Describe(NoiseBenchResult r) => string.Create(CultureInfo.InvariantCulture,
        $"""
        {r.Coordinates} coordinates of N_Z(0, σ²), σ ≈ {r.SiteStdDev:0.0}, one thread ({r.Cores} cores), OS CSPRNG, medians of {r.TableMsRuns.Count} alternating runs
        rejection sampler (CKS 2020)   {r.RejectionMs,10:0.0} ms   variance / σ² = {r.RejectionVarianceRatio:0.0000}
        table sampler                  {r.TableMs,10:0.0} ms   variance / σ² = {r.TableVarianceRatio:0.0000}
        rejection / table              {r.Speedup,10:0.0}×
        """);
}
