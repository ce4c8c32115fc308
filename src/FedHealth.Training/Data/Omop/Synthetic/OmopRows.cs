namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>One site's OMOP rows: persons (each observed from 2000 to 2030), measurements and conditions.</summary>
public sealed record OmopRows(IReadOnlyList<OmopPersonRow> Persons, IReadOnlyList<OmopEventRow> Measurements, IReadOnlyList<OmopEventRow> Conditions)
{
    public static readonly DateOnly ObservedFrom = new(2000, 1, 1);

    public static readonly DateOnly ObservedTo = new(2030, 12, 31);
}
