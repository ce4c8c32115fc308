using FedHealth.Cli.Console;
using FedHealth.Coordinator.Composition;
using FedHealth.Core.Options;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>States the protections in force on stderr before a study runs (sim and the coordinator service).</summary>
internal static class StudyAnnouncement
{
    public static void Print(StudyOptions study, double dropout = 0)
    {
        foreach (var line in StudyDescription.Protections(study, dropout))
        {
            Terminal.Err.MarkupLine(Markup.Escape(line));
        }
    }
}
