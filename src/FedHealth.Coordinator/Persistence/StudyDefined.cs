namespace FedHealth.Coordinator.Persistence;

/// <summary>The first event of a study: what it is (every setting that shapes its rounds) and the hash of that.</summary>
/// <param name="Schema">The state schema that wrote it.</param>
public sealed record StudyDefined(int Schema, string Study, StudyDefinition Definition, string InitialModelHash) : IStudyEvent;
