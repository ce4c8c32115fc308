namespace FedHealth.Pki;

/// <summary>
/// Something an operator can fix (a wrong password, a missing file, an id already in use): the
/// message is one clear sentence, safe to show, and never contains a password or a key.
/// </summary>
public sealed class PkiException : Exception
{
    public PkiException()
    {
    }

    public PkiException(string message)
        : base(message)
    {
    }

    public PkiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
