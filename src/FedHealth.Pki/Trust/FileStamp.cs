namespace FedHealth.Pki.Trust;

/// <summary>What is compared to notice that a file changed without reading it: existence, write time and size.</summary>
internal readonly record struct FileStamp(bool Exists, DateTime LastWriteUtc, long Length)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(true, info.LastWriteTimeUtc, info.Length) : default;
    }
}
