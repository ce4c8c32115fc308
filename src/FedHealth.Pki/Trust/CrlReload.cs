namespace FedHealth.Pki.Trust;

/// <summary>What a look at the CRL file found.</summary>
public enum CrlReload
{
    /// <summary>The file has not changed since the CRL in use was read.</summary>
    Unchanged,

    /// <summary>A new, correctly signed CRL replaced the one in use.</summary>
    Loaded,

    /// <summary>The file changed but was refused (see <see cref="ConsortiumTrust.LastCrlProblem"/>); the previous CRL stays in use.</summary>
    Refused,
}
