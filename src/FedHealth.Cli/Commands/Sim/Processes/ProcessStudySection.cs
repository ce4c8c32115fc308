using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FedHealth.Coordinator.Composition;

namespace FedHealth.Cli.Commands.Sim.Processes;

/// <summary>
/// The <c>Study</c> section of coordinator.json for a <c>sim</c> study: the very request the flags
/// made, serialised (coordinator.json's <c>Study</c> binds back to <see cref="StudyRequest"/>).
/// Values left at "decide for me" are left out, so the coordinator decides the same way.
/// </summary>
internal static class ProcessStudySection
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <param name="samplingRate">DP-SGD's q, which the coordinator cannot derive (it does not know the sites' sizes); null without record-level DP.</param>
    public static JsonObject Build(StudyRequest request, IReadOnlyList<string> sites, double? samplingRate) =>
        JsonSerializer.SerializeToNode(request with { Sites = [.. sites], SamplingRate = request.SamplingRate ?? samplingRate }, Options)!.AsObject();
}
