using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>Site <see cref="Index"/> (0-based) of the built-in synthetic cohort of <see cref="Sites"/> hospitals made with <see cref="Seed"/>.</summary>
public sealed record SyntheticSiteData(int Seed, int Sites, int Index) : SiteDataSource
{
    public override JsonObject ToJson()
    {
        if (Sites < 1 || Index < 0 || Index >= Sites)
        {
            throw new InvalidOperationException($"Synthetic site index {Index} is not one of the {Sites} sites.");
        }

        return new JsonObject { ["Kind"] = "synthetic", ["Seed"] = Seed, ["Sites"] = Sites, ["Index"] = Index };
    }
}
