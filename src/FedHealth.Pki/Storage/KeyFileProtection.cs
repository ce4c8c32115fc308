namespace FedHealth.Pki.Storage;

/// <summary>How many PBKDF2 iterations protect a new PKCS#12 file.</summary>
public enum KeyFileProtection
{
    /// <summary>The shipped setting for a consortium's real credentials (<see cref="Pkcs12File.DefaultIterations"/>).</summary>
    Strong,

    /// <summary>
    /// For throwaway PKIs that live as long as one local run (<c>sim --processes</c>): a few
    /// iterations only. Allowed with generated passwords only, whose 256 random bits make the
    /// iteration count irrelevant to guessing; a human-chosen password always gets <see cref="Strong"/>.
    /// </summary>
    Throwaway,
}
