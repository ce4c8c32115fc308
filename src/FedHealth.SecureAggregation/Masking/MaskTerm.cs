using FedHealth.Crypto.Prg;

namespace FedHealth.SecureAggregation.Masking;

/// <summary>One mask to add to (or subtract from) a vector: the generator of its keystream and the sign.</summary>
public readonly record struct MaskTerm(AesCtrPrg Generator, bool Subtract);
