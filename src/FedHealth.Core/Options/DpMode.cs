namespace FedHealth.Core.Options;

/// <summary>Which differential-privacy guarantees a study gives.</summary>
public enum DpMode
{
    /// <summary>No differential privacy.</summary>
    Off = 0,

    /// <summary>Each site protects each of its patients: DP-SGD in local training.</summary>
    Record = 1,

    /// <summary>The consortium protects each site's whole contribution: clipped updates, Gaussian noise on the sum.</summary>
    Site = 2,

    /// <summary>Both of the above.</summary>
    Both = 3,
}
