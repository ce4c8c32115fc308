namespace FedHealth.Simulation.Processes;

/// <summary>A process's <c>Tls</c> section: its PKCS#12 file and password file, the consortium CA and its CRL (absolute paths).</summary>
public sealed record TlsFiles(string Certificate, string PasswordFile, string CaCertificate, string Crl);
