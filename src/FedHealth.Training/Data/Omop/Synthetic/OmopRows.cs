namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>
/// One site's OMOP rows: persons, measurements and conditions, and optionally observations, drug
/// exposures and observation periods (without them every person is observed from 2000 to 2030).
/// </summary>
public sealed record OmopRows(IReadOnlyList<OmopPersonRow> Persons, IReadOnlyList<OmopEventRow> Measurements, IReadOnlyList<OmopEventRow> Conditions)
{
    public static readonly DateOnly ObservedFrom = new(2000, 1, 1);

    public static readonly DateOnly ObservedTo = new(2030, 12, 31);

    public IReadOnlyList<OmopEventRow> Observations { get; init; } = [];

    /// <summary>drug_exposure rows (their start; the end date is written equal to it).</summary>
    public IReadOnlyList<OmopEventRow> Drugs { get; init; } = [];

    /// <summary>The observation_period rows; null means one period per person from <see cref="ObservedFrom"/> to <see cref="ObservedTo"/>.</summary>
    public IReadOnlyList<OmopPeriodRow>? Periods { get; init; }

    public IReadOnlyList<OmopPeriodRow> ObservationPeriods =>
        Periods ?? Persons.Select(p => new OmopPeriodRow(p.PersonId, p.PersonId, ObservedFrom, ObservedTo)).ToList();
}
