namespace FedHealth.Training.Data.Fhir;

/// <summary>The standard code systems a mapping may name without declaring them (their canonical FHIR URIs).</summary>
public static class CodeSystems
{
    public const string Loinc = "http://loinc.org";
    public const string SnomedCt = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public static readonly IReadOnlySet<string> Standard = new HashSet<string>(StringComparer.Ordinal) { Loinc, SnomedCt, Icd10, Icd10Cm, RxNorm };
}
