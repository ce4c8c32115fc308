using FedHealth.Audit.Entries;
using FedHealth.Audit.Export;
using FedHealth.Audit.Storage;
using FedHealth.Cli.Commands.Coordinator;
using FedHealth.Cli.Commands.Node;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using Microsoft.Extensions.Configuration;

namespace FedHealth.Cli.Commands.Audit;

/// <summary>Where a trail is read from: a service's live state (its configuration or its state directory) or an export.</summary>
internal static class AuditSource
{
    /// <summary>The state directory of a coordinator.json (<c>Coordinator:Audit:Directory</c>) or a node.json (<c>Node:State:Directory</c>), or the one given.</summary>
    public static string StateDirectory(string? configPath, string? stateDirectory)
    {
        if ((configPath is null) == (stateDirectory is null))
        {
            throw new UserInputException("Give either --config (a coordinator.json or node.json) or --state (the service's state directory), not both or neither.");
        }

        if (stateDirectory is not null)
        {
            return Path.GetFullPath(stateDirectory);
        }

        var configuration = ServiceConfiguration.Build(configPath!, []);
        if (configuration.GetSection("Node").Exists())
        {
            return new NodeStateSection { Directory = configuration["Node:State:Directory"] }.Resolve(configPath!);
        }

        if (configuration.GetSection("Coordinator").Exists())
        {
            return new CoordinatorAuditSection { Directory = configuration["Coordinator:Audit:Directory"] }.Resolve(configPath!);
        }

        throw new UserInputException($"--config: '{configPath}' has neither a Node nor a Coordinator section: it is not a service's configuration.");
    }

    /// <summary>The entries of a service's live trail.</summary>
    public static IReadOnlyList<AuditEntry> Live(string stateDirectory)
    {
        if (!SqliteAuditStore.ExistsIn(stateDirectory))
        {
            throw new UserInputException($"'{stateDirectory}' holds no audit trail ({SqliteAuditStore.FileName}): has the service run with this state directory?");
        }

        return SqliteAuditStore.InDirectory(stateDirectory).Entries();
    }

    /// <summary>The entries of an export, with an error naming the file and the line.</summary>
    public static IReadOnlyList<AuditEntry> Export(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"The audit export '{path}' does not exist.");
        }

        try
        {
            return AuditJsonl.ReadFile(path);
        }
        catch (InvalidDataException ex)
        {
            throw new UserInputException($"{path}: {ex.Message}", ex);
        }
    }
}
