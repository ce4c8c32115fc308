namespace FedHealth.Pki.Storage;

/// <summary>The files of a consortium authority, all in one folder.</summary>
public sealed record CaDirectory
{
    public const string CertificateFile = "ca.crt.pem";
    public const string Pkcs12File = "ca.p12";
    public const string CrlFile = "ca.crl.pem";
    public const string IndexFile = "index.json";

    public CaDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The public root certificate: every site and the coordinator trust it.</summary>
    public string Certificate => Combine(CertificateFile);

    /// <summary>The CA's certificate and private key, password protected.</summary>
    public string Pkcs12 => Combine(Pkcs12File);

    /// <summary>Where a generated CA password is kept by default.</summary>
    public string PasswordFile => Combine(Pkcs12File + Passwords.NewPassword.FileSuffix);

    /// <summary>The signed certificate revocation list, public.</summary>
    public string Crl => Combine(CrlFile);

    /// <summary>What the CA has issued and revoked.</summary>
    public string Index => Combine(IndexFile);

    internal string Lock => Combine(".lock");

    /// <summary>True when any of the authority's own files is present, so a new CA must not be made here.</summary>
    public bool HoldsAuthority => new[] { Certificate, Pkcs12, Crl, Index }.Any(File.Exists);

    private string Combine(string file) => System.IO.Path.Combine(Path, file);
}
