using FedHealth.Core.Metrics;
using FedHealth.Hosting.Remote;
using FedHealth.Transfer.Framing;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// The bounds every message is held to before an actor sees it. They are generous for any real
/// study and small enough that no field can make a peer allocate or loop without limit.
/// </summary>
public static class WireLimits
{
    /// <summary>A message over Akka.Remote is at most one frame.</summary>
    public const int MaxFrameBytes = TlsRemoting.MaximumFrameSize;

    /// <summary>Sites in one study or session (participants, keys, shares, survivors, enrolments).</summary>
    public const int MaxSites = 10_000;

    /// <summary>Keys, signatures, seeds, session ids, tickets, hashes and encrypted shares.</summary>
    public const int MaxSmallBytes = 1024;

    /// <summary>A DER certificate in an enrolment.</summary>
    public const int MaxCertificateBytes = 16 * 1024;

    /// <summary>A study id; site ids follow the certificate id grammar (<see cref="FedHealth.Pki.Identity.PeerIds"/>).</summary>
    public const int MaxStudyIdLength = 128;

    /// <summary>Reasons, guard names, hosts and manifests: short printable text.</summary>
    public const int MaxTextLength = 2048;

    /// <summary>Tensors in one set of model weights, so that many tiny tensors cannot inflate a payload when read.</summary>
    public const int MaxTensors = 1024;

    public const int MaxTensorNameLength = 256;

    public const int MaxTensorRank = 8;

    /// <summary>Width of any layer and the number of input features.</summary>
    public const int MaxLayerWidth = 1_000_000;

    public const int MaxHiddenLayers = 64;

    public const int MaxBatchSize = 1_000_000;

    public const int MaxLocalSteps = 1_000_000;

    public const int MaxLocalEpochs = 10_000;

    /// <summary>Elements of a secure-sum vector: as many as the largest blob holds at 4 bytes each.</summary>
    public static long MaxVectorLength => MaxBlobBytes / sizeof(uint);

    /// <summary>A model offer or an upload: the transfer channel's own hard limit.</summary>
    public static long MaxBlobBytes => BlobFraming.MaxBlobLength;

    /// <summary>Every score histogram on the wire has this many bins.</summary>
    public const int HistogramBins = ScoreHistogram.DefaultBins;
}
