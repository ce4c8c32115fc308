using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Authority;

/// <summary>What <c>init-ca</c> made. <see cref="GeneratedPasswordFile"/> is null when the operator chose the password.</summary>
public sealed record CaCreated(CaDirectory Directory, string Serial, DateTimeOffset NotAfter, string? GeneratedPasswordFile);
