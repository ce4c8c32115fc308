namespace FedHealth.Coordinator.Persistence;

/// <summary>How a study keeps its state: the model store beside the journal, and how much it keeps.</summary>
/// <param name="Models">Where the global models of committed rounds go.</param>
/// <param name="KeepModels">The number of most recent round models kept (the initial model and tagged rounds are always kept).</param>
/// <param name="SnapshotEvery">A snapshot after this many committed rounds.</param>
public sealed record StudyPersistence(IModelStore Models, int KeepModels = 5, int SnapshotEvery = 10)
{
    /// <summary>The journal's id of a study's events.</summary>
    public static string PersistenceIdOf(string study) => "fedhealth-study-" + study;

    public static StudyPersistence InMemory() => new(new MemoryModelStore());

    /// <summary>Rounds whose models are kept whatever <see cref="KeepModels"/> says.</summary>
    public IReadOnlySet<int> TaggedRounds { get; init; } = new HashSet<int>();
}
