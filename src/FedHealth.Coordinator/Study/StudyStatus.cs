namespace FedHealth.Coordinator.Study;

/// <summary>How a study ended; the values are the report's <c>status</c> strings.</summary>
public static class StudyStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>The next round would have exceeded the study's privacy budget, so it was not run.</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>Too many rounds in a row released nothing (too few sites, secure aggregation aborted): the study stopped rather than pretend.</summary>
    public const string Aborted = "aborted";
}
