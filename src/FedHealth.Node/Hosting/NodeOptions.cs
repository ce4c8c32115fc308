using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Node.Agent;
using FedHealth.Node.Policy;
using FedHealth.Node.SecureAggregation;

namespace FedHealth.Node.Hosting;

/// <summary>
/// What a hospital's node agent needs in a host: its rows (prepared, or raw until the pooled
/// statistics arrive), its trainer, where the coordinator's registry is, and its identity.
/// </summary>
/// <param name="Registry">The registry's actor path: <c>akka.ssl.tcp://fedhealth@host:port/user/registry</c>, or <c>/user/registry</c> in one process.</param>
public sealed record NodeOptions(ILocalTrainer Trainer, string Registry)
{
    public const string DefaultName = "node";

    /// <summary>The site's rows, prepared with its own statistics; null when <see cref="Pooled"/> is given.</summary>
    public SiteData? Data { get; init; }

    /// <summary>The site's raw rows, prepared once the pooled statistics arrive (or with its own when the study does not pool).</summary>
    public IPooledPreprocessing? Pooled { get; init; }

    /// <summary>The site's signing key and how it proves its certificate; null if the site cannot take part in secure aggregation.</summary>
    public SecureAggregationIdentity? Identity { get; init; }

    /// <summary>Simulation only: vanish at random stages.</summary>
    public SimulatedDropout? Dropout { get; init; }

    /// <summary>The coordinator's transfer channel for large models and replies; null sends everything inside messages.</summary>
    public NodeTransfer? Transfer { get; init; }

    /// <summary>The site's own privacy policy and ledger, enforced before each training round; null accepts what the study asks (simulation).</summary>
    public SitePrivacyGuard? Guard { get; init; }

    /// <summary>The agent's name under <c>/user</c> (one node per host in deployment; <c>site-N</c> in a simulation).</summary>
    public string Name { get; init; } = DefaultName;
}
