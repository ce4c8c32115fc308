using FedHealth.Node.Policy;

namespace FedHealth.Coordinator.Tests.Support;

/// <summary>A site's SQLite privacy ledger in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempLedger : IDisposable
{
    public TempLedger()
    {
        Directory = Path.Combine(Path.GetTempPath(), "fedhealth-ledger-" + Guid.NewGuid().ToString("N"));
    }

    public string Directory { get; }

    /// <summary>A new ledger object over the same file (what a restarted node opens).</summary>
    public SqliteSitePrivacyLedger Open() => SqliteSitePrivacyLedger.InDirectory(Directory);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
