namespace FedHealth.Models.Figures;

/// <summary>One released site's bar in the fairness-across-sites figure: its accuracy on its test patients.</summary>
public sealed record SiteBar(string Site, double Accuracy, int TestPatients);
