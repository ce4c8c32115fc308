using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Persistence;

/// <summary>One study as its state tells it (<c>fedhealth studies</c>).</summary>
/// <param name="Status">How it ended, or <c>unfinished</c> (it resumes when its coordinator starts again).</param>
public sealed record StudySummary(string Study, string Status, string? Reason, int TotalRounds, IReadOnlyList<RoundRecord> Rounds, int Charges, int InterruptedAttempts, string DefinitionHash)
{
    public const string Unfinished = "unfinished";

    public static StudySummary Of(StudyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var defined = state.Definition ?? throw new ArgumentException("The state holds no study definition.", nameof(state));
        var total = defined.Definition.Settings.TryGetValue("Rounds", out var rounds) && int.TryParse(rounds, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        // Each committed round used its last charge; every other charge was an attempt a crash interrupted.
        var charged = state.Charges.Select(c => c.Round).ToHashSet();
        var committedCharged = state.Records.Count(r => charged.Contains(r.Round));
        return new StudySummary(
            defined.Study, state.Ended?.Status ?? Unfinished, state.Ended?.Reason, total, state.Records, state.Charges.Count,
            state.Charges.Count - committedCharged, defined.Definition.Hash);
    }
}
