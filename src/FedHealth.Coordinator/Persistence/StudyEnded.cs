namespace FedHealth.Coordinator.Persistence;

/// <summary>The study is over: it is never resumed, only read (<c>fedhealth studies</c>).</summary>
public sealed record StudyEnded(string Status, string? Reason) : IStudyEvent;
