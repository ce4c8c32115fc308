namespace FedHealth.Coordinator.Persistence;

/// <summary>What a study's journal holds: each event and the snapshot are bound to <see cref="StudyStateSerializer"/>.</summary>
public interface IStudyEvent;
