using System.Globalization;
using FedHealth.Training.Data.Omop;

namespace FedHealth.Cli.Commands.Node;

/// <summary>The checks of <c>Node:Data:Server</c> and <c>Node:Data:Omop</c> that need no server or database, each naming its key.</summary>
internal static class ConnectorChecks
{
    public static void Server(FhirServerSection? server, List<string> problems)
    {
        if (server is null)
        {
            return;
        }

        if (!Uri.TryCreate(server.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add($"Node:Data:Server:Url must be the server's absolute http(s) base URL (got '{server.Url}').");
        }

        if (server.AuthorizationVariable is { } variable && string.IsNullOrWhiteSpace(variable))
        {
            problems.Add("Node:Data:Server:AuthorizationVariable must name an environment variable, or be left out for an open server.");
        }

        if (server.PageSize is < 1 or > 10_000)
        {
            problems.Add($"Node:Data:Server:PageSize must be 1–10000 (got {server.PageSize}).");
        }

        if (!(server.TimeoutSeconds > 0 && double.IsFinite(server.TimeoutSeconds)))
        {
            problems.Add($"Node:Data:Server:TimeoutSeconds must be > 0 (got {server.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (server.Retries is < 0 or > 10)
        {
            problems.Add($"Node:Data:Server:Retries must be 0–10 (got {server.Retries}).");
        }
    }

    public static void Omop(OmopSection? omop, List<string> problems)
    {
        if (omop is null)
        {
            problems.Add("Node:Data:Omop is required for omop data (the database and the cohort, docs/data.md).");
            return;
        }

        if (string.IsNullOrWhiteSpace(omop.ConnectionString) == string.IsNullOrWhiteSpace(omop.ConnectionStringVariable))
        {
            problems.Add("Node:Data:Omop: give either ConnectionStringVariable (an environment variable, best) or ConnectionString, not both.");
        }

        if (!SqlIdentifier.IsValid(omop.Schema))
        {
            problems.Add($"Node:Data:Omop:Schema must be a plain PostgreSQL name (lower-case letters, digits, '_'), not '{omop.Schema}'.");
        }

        if (omop.CommandTimeoutSeconds < 1)
        {
            problems.Add($"Node:Data:Omop:CommandTimeoutSeconds must be ≥ 1 (got {omop.CommandTimeoutSeconds}).");
        }

        if (!DateOnly.TryParseExact(omop.IndexDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"Node:Data:Omop:IndexDate must be a date as yyyy-MM-dd (got '{omop.IndexDate}').");
        }

        if (string.IsNullOrWhiteSpace(omop.Label.Name) || omop.Label.Concepts.Count == 0)
        {
            problems.Add("Node:Data:Omop:Label needs a Name and at least one condition concept id in Concepts.");
        }

        if (omop.Features.Count == 0)
        {
            problems.Add("Node:Data:Omop:Features lists no features.");
        }

        for (var i = 0; i < omop.Features.Count; i++)
        {
            if (!Enum.TryParse<OmopSource>(omop.Features[i].Source, ignoreCase: false, out _) || int.TryParse(omop.Features[i].Source, out _))
            {
                problems.Add($"Node:Data:Omop:Features:{i}:Source must be one of {string.Join(", ", Enum.GetNames<OmopSource>())} (got '{omop.Features[i].Source}').");
            }
        }
    }
}
