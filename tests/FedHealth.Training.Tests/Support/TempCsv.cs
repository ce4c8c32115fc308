namespace FedHealth.Training.Tests.Support;

/// <summary>A CSV file in a temporary folder, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string _folder;

    public TempCsv(string content, string name = "data.csv")
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fedhealth-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public static TempCsv Lines(params string[] lines) => new(string.Join("\n", lines) + "\n");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
