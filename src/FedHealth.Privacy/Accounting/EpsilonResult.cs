namespace FedHealth.Privacy.Accounting;

/// <summary>An (ε, δ) guarantee and the Rényi order that gave the smallest ε.</summary>
public sealed record EpsilonResult(double Epsilon, double Order, double Delta);
