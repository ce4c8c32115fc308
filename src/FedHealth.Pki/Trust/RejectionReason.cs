namespace FedHealth.Pki.Trust;

/// <summary>Why a peer's certificate was refused; each has its own counter.</summary>
public enum RejectionReason
{
    /// <summary>The peer presented no certificate.</summary>
    NoCertificate,

    /// <summary>The certificate does not chain to the consortium CA (or the chain is broken).</summary>
    WrongCa,

    /// <summary>The certificate, or the CA, has passed its end of validity.</summary>
    Expired,

    /// <summary>The certificate's validity has not started.</summary>
    NotYetValid,

    /// <summary>The consortium CRL lists the certificate.</summary>
    Revoked,

    /// <summary>The CRL in use has passed its next update, so a recent revocation could be missing.</summary>
    RevocationUnknown,

    /// <summary>No single, well-formed <c>urn:fedhealth:</c> identity in the subject alternative names.</summary>
    MissingIdentity,

    /// <summary>Not an end-entity certificate for both TLS client and server authentication with digital signatures.</summary>
    WrongUsage,

    /// <summary>A valid consortium identity that is not in the enrolled set.</summary>
    NotEnrolled,
}
