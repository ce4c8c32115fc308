using System.CommandLine;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.Omop.Synthetic;
using Npgsql;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Data;

/// <summary>
/// <c>fedhealth data load-omop [DIR]</c>: OMOP CDM CSV tables (a folder per site, as <c>data
/// synth-omop</c> writes them) or, without DIR, the synthetic sites of <c>data synth-fhir</c> (same
/// seed, same patients) generated in memory, into a PostgreSQL database for trials, one schema per
/// site. The connection string comes from an environment variable, never the command line.
/// </summary>
internal static class LoadOmopCommand
{
    public static Command Create()
    {
        var variable = new Option<string>("--connection-variable") { Description = "Environment variable holding the Npgsql connection string", Required = true };
        var prefix = new Option<string>("--schema-prefix") { Description = "Site N goes into schema <prefix>N", DefaultValueFactory = _ => "site_" };
        var sites = new Option<int>("--sites") { Description = "Number of sites", DefaultValueFactory = _ => 3 };
        var patients = new Option<int>("--patients") { Description = "Patients per site", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed (the same as synth-fhir's gives the same patients)", DefaultValueFactory = _ => 42 };
        var folder = new Argument<string?>("dir") { Description = "Folder of synth-omop's site-N folders of OMOP CSV tables; without it, --sites, --patients and --seed generate them", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("load-omop", "Load OMOP CDM CSV tables (or synthetic sites) into a PostgreSQL database (for trials), one schema per site")
        {
            variable, prefix, sites, patients, seed, folder,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var name = parse.GetValue(variable)!;
            var connection = Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
                ? value
                : throw new UserInputException($"--connection-variable: the environment variable '{name}' is not set (or empty).");
            var rows = parse.GetValue(folder) is { } dir
                ? OmopSiteFolders.Read(dir)
                : SyntheticSites.Generate(parse.GetValue(sites), parse.GetValue(patients), parse.GetValue(seed)).Select(s => SyntheticOmop.FromBundle(s.Bundle)).ToList();
            Load(connection, parse.GetValue(prefix)!, rows);
            Terminal.Err.MarkupLine(Markup.Escape($"loaded {rows.Count} sites of {rows.Sum(r => r.Persons.Count)} persons; read them with Node:Data:Kind omop and the cohort in docs/data.md"));
            return System.Threading.Tasks.Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    // One transaction for all sites: a failure leaves the database as it was.
    private static void Load(string connectionString, string prefix, IReadOnlyList<OmopRows> sites)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            for (var k = 0; k < sites.Count; k++)
            {
                var schema = $"{prefix}{k + 1}";
                OmopTrialLoader.CreateTables(connection, schema);
                OmopTrialLoader.Load(connection, schema, sites[k]);
                Terminal.Results.WriteLine(schema);
            }

            transaction.Commit();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateSchema)
        {
            throw new UserInputException($"load-omop: {ex.MessageText}: load into an empty database or choose another --schema-prefix.", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new UserInputException($"load-omop: cannot load the database: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"load-omop: the connection string is not valid: {ex.Message}", ex);
        }
    }
}
