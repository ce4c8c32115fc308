namespace FedHealth.Training.Data.Synthetic;

/// <summary>One synthetic patient's covariates; NaN marks a value the hospital did not record.</summary>
internal sealed record Patient(
    double Age,
    int Male,
    double SystolicBp,
    double Cholesterol,
    double MaxHeartRate,
    double Bmi,
    double Smoker,
    int Diabetes,
    int ChestPain);
