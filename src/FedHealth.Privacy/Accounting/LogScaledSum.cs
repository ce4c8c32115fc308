namespace FedHealth.Privacy.Accounting;

/// <summary>
/// A signed sum of terms given as (log |term|, sign), held as <c>Sum · exp(Scale)</c> so that
/// neither huge nor tiny terms overflow, together with a rigorous bound on its rounding error.
/// <see cref="Log1pUpper"/> returns log(1 + S + bound) ≥ log(1 + S_exact): the accountant never
/// reports less privacy loss than the exact value because of floating-point rounding.
/// </summary>
internal struct LogScaledSum
{
    private double _scale;
    private double _sum;
    private double _absSum;
    private double _error;
    private int _count;

    public LogScaledSum()
    {
        _scale = double.NegativeInfinity;
    }

    public readonly int Count => _count;

    /// <summary>log |S| of the current partial sum (−∞ when it is zero).</summary>
    public readonly double LogAbsValue => _sum == 0 ? double.NegativeInfinity : _scale + Math.Log(Math.Abs(_sum));

    /// <summary>Adds sign · exp(logAbs), whose own relative error is at most <paramref name="relativeError"/>.</summary>
    public void Add(double logAbs, int sign, double relativeError)
    {
        if (double.IsNegativeInfinity(logAbs) || sign == 0)
        {
            return;
        }

        if (double.IsNaN(logAbs) || double.IsPositiveInfinity(logAbs))
        {
            throw new ArithmeticException($"A term of the RDP series is not finite (log = {logAbs}).");
        }

        Rescale(logAbs);
        var v = Math.Exp(logAbs - _scale);
        _sum += sign * v;
        _absSum += v;
        _error += v * relativeError;
        _count++;
    }

    /// <summary>Adds exp(logAbs) to the error bound only (for example a series truncation bound).</summary>
    public void AddErrorBound(double logAbs)
    {
        if (double.IsNegativeInfinity(logAbs))
        {
            return;
        }

        Rescale(logAbs);
        _error += Math.Exp(logAbs - _scale);
    }

    /// <summary>An upper bound on log(1 + S) where S is the exact value of the sum.</summary>
    public readonly double Log1pUpper()
    {
        if (double.IsNegativeInfinity(_scale))
        {
            return 0.0;
        }

        // Recursive summation error ≤ (n+1)·u·Σ|terms| (Higham, §4.2), doubled for the rescalings.
        var bound = _error + 2.0 * (_count + 2) * LogMath.Epsilon * _absSum;
        var upper = _sum + bound;
        if (upper <= 0)
        {
            return 0.0;
        }

        if (_scale < 30.0)
        {
            return LogMath.Log1p(upper * Math.Exp(_scale));
        }

        return _scale + Math.Log(upper + Math.Exp(-_scale));
    }

    private void Rescale(double logAbs)
    {
        if (logAbs > _scale)
        {
            var f = double.IsNegativeInfinity(_scale) ? 0.0 : Math.Exp(_scale - logAbs);
            _sum *= f;
            _absSum *= f;
            _error *= f;
            _scale = logAbs;
        }
    }
}
