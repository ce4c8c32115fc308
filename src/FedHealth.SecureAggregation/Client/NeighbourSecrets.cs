namespace FedHealth.SecureAggregation.Client;

/// <summary>A neighbour's shares that this site holds: of its self-mask seed b and of its mask key.</summary>
internal sealed record NeighbourSecrets(byte[] SelfMaskSeedShare, byte[] MaskKeyShare);
