using FedHealth.Core.Ids;
using FedHealth.Core.Weights;

namespace FedHealth.Core.Strategy;

/// <summary>One site's contribution to a round, as the strategy sees it.</summary>
public sealed record FitResult(SiteId Site, ModelWeights Weights, long NumExamples, double TrainLoss);
