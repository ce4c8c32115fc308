namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// Neumaier's compensated summation: the error stays near one rounding of the total however many
/// rows are added, so a large site's Σx² is as precise as the fixed-point step it is encoded with.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double value)
    {
        var total = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
        _sum = total;
    }
}
