using System.Globalization;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>
/// The synthetic FHIR sites as an ETL into OMOP CDM would write them: standard concepts for every
/// code (ICD-10 and the local lab code mapped to SNOMED CT and LOINC concepts), unit concepts, and
/// person and row ids in the bundle's order. <see cref="Cohort"/> is the OMOP twin of
/// <see cref="SyntheticFhirMapping.Create"/>, so both read the same rows.
/// </summary>
public static class SyntheticOmop
{
    public const int Cholesterol = 3027114;
    public const int SystolicBp = 3004249;
    public const int Bmi = 3038553;
    public const int Type2Diabetes = 201826;
    public const int MyocardialInfarction = 4329847;
    public const int MilligramPerDeciliter = 8840;
    public const int MillimolePerLiter = 8753;
    public const int MillimeterMercury = 8876;
    public const int KilogramPerSquareMeter = 9531;

    private static readonly Dictionary<FhirCoding, int> Concepts = new()
    {
        [SyntheticFhirMapping.Cholesterol] = Cholesterol,
        [SyntheticFhirMapping.LocalCholesterol] = Cholesterol,
        [SyntheticFhirMapping.SystolicBp] = SystolicBp,
        [SyntheticFhirMapping.Bmi] = Bmi,
        [SyntheticFhirMapping.DiabetesSnomed] = Type2Diabetes,
        [SyntheticFhirMapping.DiabetesIcd10] = Type2Diabetes,
        [SyntheticFhirMapping.MyocardialInfarctionSnomed] = MyocardialInfarction,
        [SyntheticFhirMapping.MyocardialInfarctionIcd10] = MyocardialInfarction,
    };

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["mg/dL"] = MilligramPerDeciliter,
        ["mmol/L"] = MillimolePerLiter,
        ["mm[Hg]"] = MillimeterMercury,
        ["kg/m2"] = KilogramPerSquareMeter,
    };

    public static OmopCohort Cohort() => new(
        SyntheticFhirMapping.IndexDate,
        new OmopLabel("cardiac_event", [MyocardialInfarction]),
        [
            new OmopFeature("age", OmopSource.PersonAge) { Min = 18, Max = 110 },
            new OmopFeature("sex", OmopSource.PersonSex),
            new OmopFeature("cholesterol", OmopSource.Measurement)
            {
                Concepts = [Cholesterol],
                UnitConcept = MilligramPerDeciliter,
                Conversions = [new OmopUnitConversion(MillimolePerLiter, SyntheticFhirMapping.CholesterolMmolToMg)],
                Min = 80,
                Max = 400,
            },
            new OmopFeature("systolic_bp", OmopSource.Measurement) { Concepts = [SystolicBp], UnitConcept = MillimeterMercury, Min = 70, Max = 250 },
            new OmopFeature("bmi", OmopSource.Measurement) { Concepts = [Bmi], UnitConcept = KilogramPerSquareMeter, Min = 12, Max = 70 },
            new OmopFeature("diabetes", OmopSource.Condition) { Concepts = [Type2Diabetes] },
        ]);

    /// <exception cref="ArgumentException">A resource this ETL does not know (only the synthetic sites' codes are mapped).</exception>
    public static OmopRows FromBundle(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var persons = new List<OmopPersonRow>();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var measurements = new List<OmopEventRow>();
        var conditions = new List<OmopEventRow>();
        foreach (var resource in bundle.Entry.Select(e => e.Resource))
        {
            switch (resource)
            {
                case Patient { Id: { } id } patient:
                    ids[id] = persons.Count + 1;
                    persons.Add(Person(ids[id], patient));
                    break;
                case Observation { Value: Quantity { Code: { } unit } quantity } observation:
                    measurements.Add(new OmopEventRow(
                        measurements.Count + 1, ids[Subject(observation.Subject)], Concept(observation.Code), When(observation.Effective), quantity.Value, Units[unit]));
                    break;
                case Condition condition:
                    conditions.Add(new OmopEventRow(conditions.Count + 1, ids[Subject(condition.Subject)], Concept(condition.Code), When(condition.Onset)));
                    break;
                default:
                    throw new ArgumentException($"The synthetic ETL does not map {resource?.TypeName ?? "an empty entry"}.", nameof(bundle));
            }
        }

        return new OmopRows(persons, measurements, conditions);
    }

    private static OmopPersonRow Person(long id, Patient patient)
    {
        var gender = patient.Gender switch
        {
            AdministrativeGender.Male => OmopConcepts.Male,
            AdministrativeGender.Female => OmopConcepts.Female,
            _ => 0,
        };
        var birth = DateOnly.ParseExact(patient.BirthDate ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new OmopPersonRow(id, gender, birth.Year, birth.Month, birth.Day);
    }

    private static string Subject(ResourceReference? reference) =>
        reference?.Reference?["Patient/".Length..] ?? throw new ArgumentException("A synthetic event has no subject.", nameof(reference));

    // The first coding with a standard concept (a local code maps to LOINC's).
    private static int Concept(CodeableConcept? code) =>
        (code?.Coding ?? []).Select(c => Concepts.TryGetValue(new FhirCoding(c.System ?? string.Empty, c.Code ?? string.Empty), out var concept) ? concept : 0).First(c => c != 0);

    private static DateTime When(DataType? value) =>
        value is FhirDateTime dateTime && dateTime.TryToDateTimeOffset(TimeSpan.Zero, out var when)
            ? when.UtcDateTime
            : throw new ArgumentException("A synthetic event has no date.", nameof(value));
}
