namespace FedHealth.Privacy.Distributed;

/// <summary>The outcome of <see cref="ModularWrapAround.Check"/>: whether the aggregate fits the modulus, with the numbers.</summary>
public sealed record WrapAroundCheck(bool IsSafe, double CoordinateBound, double Limit, double FailureProbability, string Message);
