namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>
/// Federations of real processes run one at a time: each starts a coordinator and several nodes,
/// and the services' default ports (e.g. the bulk transfer port) are not all configurable.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalFederationCollection
{
    public const string Name = "local federation processes";
}
