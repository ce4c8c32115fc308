namespace FedHealth.Privacy.Ledger;

/// <summary>Whom a guarantee protects.</summary>
public enum PrivacyScope
{
    /// <summary>Site-level DP: a whole hospital's contribution to the study (accounted per study).</summary>
    Site,

    /// <summary>Record-level DP: one patient's record in one hospital's data (accounted per site).</summary>
    Record,
}
