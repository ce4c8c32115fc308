namespace FedHealth.Pki.Tests.Support;

internal static class TempFolder
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "fedhealth-pki-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteFile(string content, string name = "secret.txt")
    {
        var path = Path.Combine(Create(), name);
        File.WriteAllText(path, content);
        return path;
    }
}
