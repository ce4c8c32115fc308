using Hl7.Fhir.Model;
using MathNet.Numerics.Distributions;

namespace FedHealth.Training.Data.Fhir.Synthetic;

/// <summary>
/// Draws one patient, adds their resources to the bundle, and keeps the row the mapping should
/// read from them (<see cref="Twin"/>, in the contract's order and units).
/// </summary>
internal sealed class SyntheticFhirPatient
{
    private static readonly DateTimeOffset Index = new(SyntheticFhirMapping.IndexDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private readonly int _site;
    private readonly Random _random;
    private readonly Bundle _bundle;
    private int _resources;

    public SyntheticFhirPatient(int site, string id, Random random, Bundle bundle)
    {
        _site = site;
        _random = random;
        _bundle = bundle;
        Id = id;
        var age = _random.Next(30, 86);
        var birth = SyntheticFhirMapping.IndexDate.AddYears(-age).AddDays(-_random.Next(0, 365));
        var gender = _random.NextDouble() < 0.02 ? AdministrativeGender.Unknown
            : _random.NextDouble() < 0.5 ? AdministrativeGender.Male : AdministrativeGender.Female;
        Add(new Patient { Id = id, BirthDate = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Gender = gender });
        var male = gender switch { AdministrativeGender.Male => 1.0, AdministrativeGender.Female => 0.0, _ => double.NaN };

        var diabetesOnset = _random.NextDouble() < 0.15 ? Index.AddDays(-_random.Next(30, 3650)) : (DateTimeOffset?)null;
        if (diabetesOnset is null && _random.NextDouble() < 0.03)
        {
            diabetesOnset = Index.AddDays(_random.Next(30, 700)); // diagnosed after the index date: not a feature
        }

        var diabetes = diabetesOnset is { } onset && onset <= Index ? 1.0 : 0.0;
        var chol = Series(SyntheticFhirMapping.Cholesterol, 200 + (10 * diabetes), 40, Cholesterol);
        var sbp = Series(SyntheticFhirMapping.SystolicBp, 125 + (0.5 * (age - 55)), 16, v => (Math.Round(v), "mm[Hg]", Math.Round(v)));
        var bmi = Series(SyntheticFhirMapping.Bmi, 27 + (2 * diabetes), 4.5, v => (Math.Round(v, 1), "kg/m2", Math.Round(v, 1)));
        if (diabetesOnset is { } when)
        {
            AddCondition(_site == 1 ? SyntheticFhirMapping.DiabetesIcd10 : SyntheticFhirMapping.DiabetesSnomed, when);
        }

        var risk = -2.5 + (0.06 * (age - 55)) + (0.012 * ((double.IsNaN(chol) ? 200 : chol) - 200))
            + (0.02 * ((double.IsNaN(sbp) ? 130 : sbp) - 130)) + (0.9 * diabetes) + (double.IsNaN(male) ? 0 : 0.5 * male);
        Label = _random.NextDouble() < 1 / (1 + Math.Exp(-risk)) ? 1 : 0;
        if (Label == 1)
        {
            AddCondition(_site == 1 ? SyntheticFhirMapping.MyocardialInfarctionIcd10 : SyntheticFhirMapping.MyocardialInfarctionSnomed, Index.AddDays(_random.Next(1, 1000)));
        }

        Twin = [age, male, chol, sbp, bmi, diabetes];
    }

    public string Id { get; }

    public double[] Twin { get; }

    public int Label { get; }

    // Site 2 writes cholesterol in mmol/L (two decimals): the twin is what the contract's conversion makes of it.
    private (double Written, string Unit, double Read) Cholesterol(double mgdl)
    {
        if (_site != 1)
        {
            var rounded = Math.Round(mgdl);
            return (rounded, "mg/dL", rounded);
        }

        var mmol = Math.Round(mgdl / SyntheticFhirMapping.CholesterolMmolToMg, 2);
        return (mmol, "mmol/L", new UnitConversion("mmol/L", SyntheticFhirMapping.CholesterolMmolToMg).Apply(mmol));
    }

    /// <summary>
    /// Zero to three measurements before the index date and maybe one after, each written as
    /// <paramref name="express"/> says (rounded, in the site's unit); returns the last one before as read back, or NaN.
    /// </summary>
    private double Series(FhirCoding code, double mean, double sd, Func<double, (double Written, string Unit, double Read)> express)
    {
        var missingRate = 0.08 + (0.05 * _site);
        var before = _random.NextDouble() < missingRate ? 0 : _random.Next(1, 4);
        var last = double.NaN;
        var lastDate = DateTimeOffset.MinValue;
        for (var m = 0; m < before + 1; m++)
        {
            var after = m == before;
            if (after && _random.NextDouble() < 0.5)
            {
                break;
            }

            var date = after ? Index.AddDays(_random.Next(1, 400)) : Index.AddDays(-_random.Next(1, 1500));
            var (written, unit, read) = express(Normal.Sample(_random, mean, sd));
            AddObservation(code, date, (decimal)written, unit);
            if (!after && date >= lastDate)
            {
                last = read;
                lastDate = date;
            }
        }

        return last;
    }

    private void AddObservation(FhirCoding code, DateTimeOffset date, decimal value, string unit)
    {
        var concept = new CodeableConcept();
        var localOnly = _site == 2 && code == SyntheticFhirMapping.Cholesterol && _random.NextDouble() < 0.3;
        if (!localOnly)
        {
            concept.Coding.Add(new Coding(code.System, code.Code));
        }

        if (_site == 2 && code == SyntheticFhirMapping.Cholesterol)
        {
            concept.Coding.Add(new Coding(SyntheticFhirMapping.LocalCholesterol.System, SyntheticFhirMapping.LocalCholesterol.Code));
        }

        Add(new Observation
        {
            Id = $"{Id}-o{_resources}",
            Status = ObservationStatus.Final,
            Code = concept,
            Subject = new ResourceReference($"Patient/{Id}"),
            Effective = new FhirDateTime(date),
            Value = new Quantity { Value = value, Unit = unit, Code = unit, System = "http://unitsofmeasure.org" },
        });
    }

    private void AddCondition(FhirCoding code, DateTimeOffset onset) => Add(new Condition
    {
        Id = $"{Id}-c{_resources}",
        Code = new CodeableConcept(code.System, code.Code),
        Subject = new ResourceReference($"Patient/{Id}"),
        Onset = new FhirDateTime(onset),
    });

    private void Add(Resource resource)
    {
        _resources++;
        _bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"http://hospital-{_site + 1}.example/fhir/{resource.TypeName}/{resource.Id}", Resource = resource });
    }
}
