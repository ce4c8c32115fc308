namespace FedHealth.Models.Manifests;

/// <summary>The differential privacy the study spent: mode (<c>off</c>, <c>record</c>, <c>site</c>) and ε (record- and site-level) at δ.</summary>
public sealed record PrivacyInfo(string Mode, double? EpsilonRecord, double? EpsilonSite, double? Delta);
