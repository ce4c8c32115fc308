namespace FedHealth.Training.Data.Fhir;

/// <summary>What the resources say about one patient so far: per feature, the value and the date it was observed.</summary>
internal sealed class PatientAccumulator
{
    private readonly double[] _sums;
    private readonly int[] _counts;

    public PatientAccumulator(int features)
    {
        Values = Enumerable.Repeat(float.NaN, features).ToArray();
        Dates = new DateTimeOffset[features];
        _sums = new double[features];
        _counts = new int[features];
    }

    public float[] Values { get; }

    public DateTimeOffset[] Dates { get; }

    public int Label { get; set; }

    /// <summary>Keeps the observation if it is the latest so far (a tie goes to the one read later).</summary>
    public void Observe(int feature, DateTimeOffset when, double value)
    {
        if (float.IsNaN(Values[feature]) || when >= Dates[feature])
        {
            Values[feature] = (float)value;
            Dates[feature] = when;
        }
    }

    /// <summary>Adds a value to the feature's mean.</summary>
    public void Add(int feature, double value)
    {
        _sums[feature] += value;
        _counts[feature]++;
        Values[feature] = (float)(_sums[feature] / _counts[feature]);
    }
}
