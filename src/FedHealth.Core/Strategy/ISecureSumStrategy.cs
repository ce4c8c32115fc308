using FedHealth.Core.Weights;

namespace FedHealth.Core.Strategy;

/// <summary>A strategy that can aggregate from the secure sum alone (FedAvg can; FedMedian could not).</summary>
public interface ISecureSumStrategy : IStrategy
{
    AggregateFitOutcome AggregateSecureSum(RoundContext round, ModelWeights global, SecureSum sum);
}
