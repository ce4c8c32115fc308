using FedHealth.Hosting.Persistence;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>The recovery specs on the default provider: one SQLite file in the state directory.</summary>
public sealed class SqliteStudyRecoverySpecs : StudyRecoverySpecs
{
    protected override StateStoreOptions NewState(string directory) => new(StateProvider.Sqlite, directory);
}
