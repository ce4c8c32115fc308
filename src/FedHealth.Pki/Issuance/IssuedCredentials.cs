using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Issuance;

/// <summary>What <c>issue</c> wrote. <see cref="GeneratedPasswordFile"/> is null when the operator chose the password.</summary>
public sealed record IssuedCredentials(
    IndexEntry Entry,
    string CertificatePath,
    string Pkcs12Path,
    string AuthorityCertificatePath,
    string? GeneratedPasswordFile,
    IReadOnlyList<IndexEntry> StillValid);
