using FedHealth.Core.Ids;
using FedHealth.Core.Training;

namespace FedHealth.Core.Strategy;

public sealed record EvaluateResult(SiteId Site, EvaluationOutcome Outcome);
