namespace FedHealth.Training.Data.Fhir;

/// <summary>Where a feature's value comes from in FHIR, and how it is aggregated over time.</summary>
public enum FeatureSource
{
    /// <summary>Whole years between Patient.birthDate and the index date.</summary>
    PatientAge,

    /// <summary>Patient.gender: male 1, female 0, anything else missing.</summary>
    PatientSex,

    /// <summary>The last Observation with one of the codes on or before the index date (its valueQuantity, in the feature's unit).</summary>
    Observation,

    /// <summary>1 if a Condition with one of the codes had its onset on or before the index date (or has no onset), else 0.</summary>
    Condition,

    /// <summary>
    /// 1 if a MedicationRequest (authoredOn) or MedicationStatement (effective) with one of the codes
    /// (e.g. RxNorm, in medicationCodeableConcept) is dated on or before the index date (or undated), else 0.
    /// </summary>
    Medication,
}
