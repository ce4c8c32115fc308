namespace FedHealth.Privacy.Clipping;

/// <summary>What clipping did to a batch: how many vectors, how many were shrunk, their norms before clipping.</summary>
public sealed record ClippingSummary(int Count, int Clipped, double MeanNorm, double MaxNorm)
{
    public double ClippedFraction => Count == 0 ? 0 : (double)Clipped / Count;
}
