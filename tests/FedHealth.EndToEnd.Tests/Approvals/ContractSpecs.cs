using FedHealth.Hosting.Serialization;
using PublicApiGenerator;

namespace FedHealth.EndToEnd.Tests.Approvals;

/// <summary>
/// The wire protocol and the core's public API are contracts. When one of these fails, either undo
/// the accidental change or, if it is intended, review the diff and copy the .received file over
/// the .approved file (see docs/contributing.md).
/// </summary>
public sealed class ContractSpecs
{
    [Fact]
    public void The_wire_manifests_and_serializer_id_are_unchanged() =>
        Approve("wire-protocol", $"serializer {ProtocolSerializer.SerializerId}\n" + string.Join('\n', WireFormat.Manifests) + "\n");

    [Fact]
    public void The_public_api_of_the_core_is_unchanged() =>
        Approve("core-public-api", typeof(Core.Weights.ModelWeights).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));

    private static void Approve(string name, string received)
    {
        var folder = Path.Combine(Support.Paths.RepositoryRoot, "tests", "FedHealth.EndToEnd.Tests", "Approvals");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var normalised = received.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalised)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalised);
        Assert.Fail($"{name} changed: compare {receivedPath} with {approvedPath}.");
    }
}
