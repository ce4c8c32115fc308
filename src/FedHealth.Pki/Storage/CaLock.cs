namespace FedHealth.Pki.Storage;

/// <summary>
/// Keeps two commands from changing one authority at once (two issues would both read the index
/// and one entry would be lost). An exclusive, advisory lock on <c>.lock</c> in the CA folder.
/// </summary>
internal sealed class CaLock : IDisposable
{
    private readonly FileStream _stream;

    private CaLock(FileStream stream) => _stream = stream;

    public static CaLock Take(CaDirectory directory)
    {
        try
        {
            return new CaLock(new FileStream(directory.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (Directory.Exists(directory.Path))
        {
            throw new PkiException($"Another command is changing the authority in {directory.Path}; try again when it has finished.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
