namespace FedHealth.Coordinator.Study;

/// <summary>How a study ended; the values are the report's <c>status</c> strings.</summary>
public static class StudyStatus
{
    public const string Completed = "completed";
    public const string Failed = "failed";
}
