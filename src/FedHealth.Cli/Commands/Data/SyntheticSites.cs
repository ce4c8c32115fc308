using FedHealth.Cli.Console;
using FedHealth.Training.Data.Fhir.Synthetic;

namespace FedHealth.Cli.Commands.Data;

/// <summary>The synthetic sites of the <c>data synth-*</c> and <c>load-omop</c> commands, with their shared limits.</summary>
internal static class SyntheticSites
{
    /// <exception cref="UserInputException">--sites outside 1–100 or --patients outside 1–1000000.</exception>
    public static IReadOnlyList<SyntheticFhirSite> Generate(int sites, int patients, int seed) =>
        sites is < 1 or > 100 || patients is < 1 or > 1_000_000
            ? throw new UserInputException($"--sites must be 1–100 and --patients 1–1000000 (got {sites} and {patients}).")
            : SyntheticFhirGenerator.Generate(sites, patients, seed);
}
