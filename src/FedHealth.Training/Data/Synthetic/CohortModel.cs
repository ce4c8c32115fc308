using MathNet.Numerics.Distributions;

namespace FedHealth.Training.Data.Synthetic;

/// <summary>
/// The generative model of the synthetic cardiovascular cohort: covariates given a site profile,
/// then the outcome from a logistic model. Every number here is documented, with its meaning, in
/// docs/synthetic-cohort.md; change both together.
/// </summary>
internal static class CohortModel
{
    public const int MinPatients = 150;
    public const int MaxPatients = 600;

    /// <summary>Chest-pain types, in the order of <see cref="ChestPainEffect"/>.</summary>
    public static readonly string[] ChestPainTypes = ["typical", "atypical", "non_anginal", "asymptomatic"];

    private static readonly double[] ChestPainLowRisk = [0.22, 0.30, 0.30, 0.18];
    private static readonly double[] ChestPainHighRisk = [0.08, 0.14, 0.24, 0.54];
    private static readonly double[] ChestPainEffect = [0.0, -0.7, -0.5, 1.9];

    public static int Patients(SiteProfile site) =>
        (int)Math.Round(MinPatients + ((MaxPatients - MinPatients) * site.Size));

    /// <summary>One patient's covariates (NaN where not recorded) and outcome.</summary>
    public static (Patient Patient, int Outcome) Draw(SiteProfile site, Random random)
    {
        var age = Math.Round(Math.Clamp(Normal.Sample(random, 48 + (14 * site.Age), 9), 30, 85));
        var male = Bernoulli(random, 0.40 + (0.30 * site.Sex));
        var smoker = Bernoulli(random, 0.12 + (0.23 * site.Risk));
        var diabetes = Bernoulli(random, Math.Clamp(0.06 + (0.14 * site.Risk) + (0.004 * (age - 55)), 0.01, 0.95));
        var bmi = Math.Round(Math.Clamp(Normal.Sample(random, 25.5 + (3.5 * site.Risk) + (1.5 * diabetes), 4.5), 16, 50), 1);
        var systolic = Math.Round(Math.Clamp(
            Normal.Sample(random, 128 + (0.5 * (age - 55)) + (6 * diabetes) + (0.8 * (bmi - 27)), 16), 85, 220));
        var cholesterol = Math.Round(Math.Clamp(Normal.Sample(random, 205 + (12 * site.Risk) + (0.4 * (age - 55)), 40), 100, 450));
        var mix = ChestPainLowRisk.Zip(ChestPainHighRisk, (low, high) => ((1 - site.CaseMix) * low) + (site.CaseMix * high)).ToArray();
        var chestPain = Categorical.Sample(random, mix);
        var asymptomatic = chestPain == 3 ? 1 : 0;
        var maxHeartRate = Math.Round(Math.Clamp(Normal.Sample(random, 208 - (0.7 * age) - (8 * asymptomatic), 16), 70, 210));

        var logit = -1.2 + (-0.7 + (1.4 * site.Baseline))
            + (0.08 * (age - 55)) + (1.1 * male) + (0.025 * (systolic - 130)) + (0.008 * (cholesterol - 210))
            - (0.04 * (maxHeartRate - 150)) + (0.07 * (bmi - 27)) + (0.8 * smoker) + (0.9 * diabetes)
            + ChestPainEffect[chestPain];
        var outcome = Bernoulli(random, 1 / (1 + Math.Exp(-logit)));

        // Recorded after the outcome is drawn: missingness is completely at random (MCAR).
        var patient = new Patient(
            age,
            male,
            systolic,
            Missing(random, 0.02 + (0.18 * site.Missingness)) ? double.NaN : cholesterol,
            maxHeartRate,
            Missing(random, 0.01 + (0.09 * site.Missingness)) ? double.NaN : bmi,
            Missing(random, 0.06 * site.Missingness) ? double.NaN : smoker,
            diabetes,
            chestPain);
        return (patient, outcome);
    }

    private static int Bernoulli(Random random, double p) => random.NextDouble() < p ? 1 : 0;

    private static bool Missing(Random random, double rate) => random.NextDouble() < rate;
}
