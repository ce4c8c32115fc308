using System.Globalization;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Rest;
using FedHealth.Training.Data.Omop;

namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// The connectors behind <c>Node:Data</c>: FHIR files or a FHIR server read by the mapping, OMOP
/// tables read by the cohort, each checked against the study schema first. Secrets (the server's
/// Authorization, the database's connection string) come from the environment variables the
/// configuration names and are never shown.
/// </summary>
internal static class NodeSources
{
    /// <param name="strict">Refuse unconvertible units (training) or only count them (<c>data check</c>).</param>
    public static SourceReadResult ReadFhir(DataSection data, SchemaSection schema, bool strict)
    {
        if (data.Server is null && !File.Exists(data.Path) && !Directory.Exists(data.Path))
        {
            throw new UserInputException($"Node:Data:Path: no such file or directory '{data.Path}'.");
        }

        if (!File.Exists(data.Mapping))
        {
            throw new UserInputException($"Node:Data:Mapping: no such file '{data.Mapping}'.");
        }

        var mapping = FhirMapping.Load(data.Mapping);
        mapping.CheckAgainst(schema.Columns, schema.Label, data.Mapping);
        if (data.Server is { } server)
        {
            var authorization = server.AuthorizationVariable is { } variable
                ? Secret(variable, "Node:Data:Server:AuthorizationVariable")
                : null;
            var settings = new FhirServer(new Uri(server.Url!))
            {
                Authorization = authorization,
                PageSize = server.PageSize,
                Timeout = TimeSpan.FromSeconds(server.TimeoutSeconds),
                Retries = server.Retries,
            };
            return FhirServerReader.ReadAsync(settings, mapping, strict).GetAwaiter().GetResult();
        }

        try
        {
            return FhirDatasetReader.Read(data.Path!, mapping, strict);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserInputException($"Node:Data:Path: cannot read '{data.Path}': {ex.Message}", ex);
        }
    }

    /// <param name="strict">Refuse unconvertible units (training) or only count them (<c>data check</c>).</param>
    public static SourceReadResult ReadOmop(DataSection data, SchemaSection schema, bool strict)
    {
        var omop = data.Omop!;
        var connection = omop.ConnectionStringVariable is { } variable
            ? Secret(variable, "Node:Data:Omop:ConnectionStringVariable")
            : omop.ConnectionString!;
        var database = new OmopDatabase(connection) { Schema = omop.Schema, CommandTimeoutSeconds = omop.CommandTimeoutSeconds };
        var cohort = Cohort(omop);
        cohort.Validate("Node:Data:Omop");
        cohort.CheckAgainst(schema.Columns, schema.Label, "Node:Data:Omop");
        return OmopDatasetReader.Read(database, cohort, strict);
    }

    private static OmopCohort Cohort(OmopSection omop) => new(
        DateOnly.ParseExact(omop.IndexDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        new OmopLabel(omop.Label.Name!, omop.Label.Concepts),
        omop.Features.Select(f => new OmopFeature(f.Name!, Enum.Parse<OmopSource>(f.Source!))
        {
            Concepts = f.Concepts,
            UnitConcept = f.UnitConcept,
            Conversions = f.Conversions.Select(c => new OmopUnitConversion(c.FromUnitConcept, c.Factor, c.Offset)).ToList(),
            Min = f.Min,
            Max = f.Max,
        }).ToList())
    {
        RequireObservationPeriod = omop.RequireObservationPeriod,
    };

    private static string Secret(string variable, string key) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new UserInputException($"{key}: the environment variable '{variable}' is not set (or empty).");
}
