namespace FedHealth.Coordinator.Reporting;

/// <summary>
/// How the coordinator learned a figure in report.json (its <c>released</c> fields): in the clear
/// from each site (<see cref="Exact"/>), only as a sum under secure aggregation
/// (<see cref="SecureSum"/>), with noise a site added (<see cref="Noisy"/>), or not at all because
/// only the simulator computed it (<see cref="LocalOnly"/>).
/// </summary>
public static class Released
{
    public const string Exact = "exact";

    public const string SecureSum = "secure-sum";

    public const string Noisy = "noisy";

    public const string LocalOnly = "local-only";
}
