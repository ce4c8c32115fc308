using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>Where a node reads its site's rows: the <c>Node.Data</c> section of node.json.</summary>
public abstract record SiteDataSource
{
    private protected SiteDataSource()
    {
    }

    /// <summary>The <c>Node.Data</c> object, keys as in docs/configuration.md.</summary>
    public abstract JsonObject ToJson();
}
