namespace FedHealth.Training.Data.Fhir.Synthetic;

/// <summary>The data contract of the synthetic FHIR sites: what <c>data synth-fhir</c> writes as mapping.json.</summary>
public static class SyntheticFhirMapping
{
    public const string LocalSystem = "http://hospital-3.example/lab-codes";
    public const double CholesterolMmolToMg = 38.67;

    public static readonly DateOnly IndexDate = new(2024, 1, 1);

    public static readonly FhirCoding Cholesterol = new(CodeSystems.Loinc, "2093-3");
    public static readonly FhirCoding LocalCholesterol = new(LocalSystem, "CHOL-T");
    public static readonly FhirCoding SystolicBp = new(CodeSystems.Loinc, "8480-6");
    public static readonly FhirCoding Bmi = new(CodeSystems.Loinc, "39156-5");
    public static readonly FhirCoding DiabetesSnomed = new(CodeSystems.SnomedCt, "44054006");
    public static readonly FhirCoding DiabetesIcd10 = new(CodeSystems.Icd10, "E11");
    public static readonly FhirCoding MyocardialInfarctionSnomed = new(CodeSystems.SnomedCt, "22298006");
    public static readonly FhirCoding MyocardialInfarctionIcd10 = new(CodeSystems.Icd10, "I21");

    public static FhirMapping Create() => new(
        IndexDate,
        new FhirLabel("cardiac_event", [MyocardialInfarctionSnomed, MyocardialInfarctionIcd10]),
        [
            new FhirFeature("age", FeatureSource.PatientAge) { Min = 18, Max = 110 },
            new FhirFeature("sex", FeatureSource.PatientSex),
            new FhirFeature("cholesterol", FeatureSource.Observation)
            {
                Codes = [Cholesterol, LocalCholesterol],
                Unit = "mg/dL",
                Conversions = [new UnitConversion("mmol/L", CholesterolMmolToMg)],
                Min = 80,
                Max = 400,
            },
            new FhirFeature("systolic_bp", FeatureSource.Observation) { Codes = [SystolicBp], Unit = "mm[Hg]", Min = 70, Max = 250 },
            new FhirFeature("bmi", FeatureSource.Observation) { Codes = [Bmi], Unit = "kg/m2", Min = 12, Max = 70 },
            new FhirFeature("diabetes", FeatureSource.Condition) { Codes = [DiabetesSnomed, DiabetesIcd10] },
        ])
    {
        LocalSystems = [LocalSystem],
    };
}
