using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>The worst and best released site by one figure, and the gap between them (best − worst).</summary>
public sealed record SiteExtreme(SiteId Worst, double WorstValue, SiteId Best, double BestValue)
{
    public double Gap => BestValue - WorstValue;
}
