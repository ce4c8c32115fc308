namespace FedHealth.WebConsole.Studies;

/// <summary>One study with its rounds and sites (<c>/api/studies/{id}</c>).</summary>
public sealed record StudyDetail(StudyView Study, IReadOnlyList<RoundView> Rounds, IReadOnlyList<SiteView> Sites);
