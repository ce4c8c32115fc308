namespace FedHealth.Privacy.Accounting;

/// <summary>
/// Rényi DP of the Poisson-subsampled Gaussian mechanism (Mironov, Talwar, Zhang 2019,
/// "Rényi Differential Privacy of the Sampled Gaussian Mechanism"): one step samples each record
/// with probability q and adds N(0, σ²C²) to the sum of gradients clipped to norm C.
/// RDP(α) = log(A_α)/(α − 1) with A_α = E_{z∼N(0,σ²)}[(1 − q + q·exp((2z − 1)/(2σ²)))^α].
/// </summary>
/// <remarks>
/// Both the integer and the fractional orders are computed exactly (signs kept), with A_α − 1
/// summed directly so that the small RDP of tiny q does not vanish in 1 + tiny, and with a
/// rigorous bound on the rounding and truncation error added on top: the returned value is never
/// below the true RDP and exceeds it by a relative 1e-12 or so. It is therefore tighter than the
/// absolute-value bound of dp_accounting (since 2024) and as exact as Opacus' signed sum, but sound.
/// </remarks>
public static class SubsampledGaussianRdp
{
    /// <summary>Largest number of series terms for a fractional order; the tail left is added as error.</summary>
    internal const int MaxFractionalTerms = 100_000;

    /// <summary>The per-step RDP at one order α &gt; 1.</summary>
    public static double Rdp(double samplingRate, double noiseMultiplier, double order)
    {
        Guard.SamplingRate(samplingRate, nameof(samplingRate));
        Guard.NoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        Guard.Order(order, nameof(order));
        return RdpUnchecked(samplingRate, noiseMultiplier, order);
    }

    /// <summary>The RDP curve of <paramref name="steps"/> compositions, over <paramref name="orders"/> (default: <see cref="RdpOrders.Default"/>).</summary>
    public static RdpCurve Curve(double samplingRate, double noiseMultiplier, long steps, IReadOnlyList<double>? orders = null)
    {
        Guard.SamplingRate(samplingRate, nameof(samplingRate));
        Guard.NoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        Guard.Steps(steps, nameof(steps));
        var grid = orders is null ? RdpOrders.Default : RdpOrders.Validate(orders, nameof(orders));
        var values = new double[grid.Length];
        if (steps > 0)
        {
            for (var i = 0; i < grid.Length; i++)
            {
                values[i] = steps * RdpUnchecked(samplingRate, noiseMultiplier, grid[i]);
            }
        }

        return new RdpCurve(grid, values.ToImmutableArray());
    }

    internal static double RdpUnchecked(double q, double sigma, double alpha)
    {
        if (q == 1.0)
        {
            // The Gaussian mechanism itself: exactly α/(2σ²).
            return alpha / (2 * sigma * sigma);
        }

        var logA = IsSmallInteger(alpha)
            ? Log1pUpperInteger(q, sigma, (int)alpha)
            : Log1pUpperFractional(q, sigma, alpha);
        return logA / (alpha - 1) * (1 + 8 * LogMath.Epsilon);
    }

    private static bool IsSmallInteger(double alpha) => alpha == Math.Floor(alpha) && alpha <= 1_000_000;

    /// <summary>
    /// Integer α: A_α − 1 = Σ_{i≥2} C(α,i)(1−q)^{α−i} q^i (exp((i²−i)/(2σ²)) − 1), every term ≥ 0
    /// (the i = 0, 1 terms of the binomial expansion of A_α sum with the "−1" to exactly zero).
    /// </summary>
    internal static double Log1pUpperInteger(double q, double sigma, int alpha)
    {
        var logQ = Math.Log(q);
        var log1mQ = LogMath.Log1p(-q);
        var twoSigma2 = 2 * sigma * sigma;
        var sum = new LogScaledSum();
        var logC = Math.Log(alpha); // log C(α, 1)
        var logCError = 2 * LogMath.Epsilon * (logC + 1);
        for (var i = 2; i <= alpha; i++)
        {
            var logNum = Math.Log(alpha - i + 1.0);
            var logDen = Math.Log(i);
            logC += logNum - logDen;
            logCError += 2 * LogMath.Epsilon * (logNum + logDen + 2);
            var x = (double)i * (i - 1) / twoSigma2;
            var a = (alpha - i) * log1mQ;
            var b = i * logQ;
            var logTerm = logC + a + b + LogMath.LogExpm1(x);
            var relError = logCError + 8 * LogMath.Epsilon * (Math.Abs(logC) + Math.Abs(a) + Math.Abs(b) + x + 4);
            sum.Add(logTerm, 1, relError);
        }

        return sum.Log1pUpper();
    }

    /// <summary>
    /// Fractional α: the series of Mironov–Talwar–Zhang 2019 (Section 3.3), which splits the
    /// integral at z₀ = σ² log(1/q − 1) + ½ and expands each half binomially:
    ///   A₀ = Σ_i C(α,i)(1−q)^{α−i} q^i e^{(i²−i)/(2σ²)} Φ((z₀−i)/σ),
    ///   A₁ = Σ_i C(α,i) q^{α−i}(1−q)^i e^{(j²−j)/(2σ²)} Φ((j−z₀)/σ), j = α − i,
    /// with the signs of the binomial coefficients kept (exact value, not the absolute-value bound).
    /// The "1" is subtracted analytically: ∫μ₀(1 + αq(e^L − 1)) over each half is known in closed
    /// form, so the i = 0, 1 terms of A₀ become Φ(z₀/σ)((1−q)^α − 1 + αq) and
    /// αqΦ((z₀−1)/σ)((1−q)^{α−1} − 1), and A₁ loses (1−αq)Φ(−z₀/σ) + αqΦ((1−z₀)/σ).
    /// For i &gt; α both series alternate with decreasing magnitudes (the Gaussian factor decreases
    /// because the inverse Mills ratio exceeds its argument), so the tail is bounded by the last
    /// term, which is added to the error bound.
    /// </summary>
    internal static double Log1pUpperFractional(double q, double sigma, double alpha)
    {
        var logQ = Math.Log(q);
        var log1mQ = LogMath.Log1p(-q);
        var sigma2 = sigma * sigma;
        var twoSigma2 = 2 * sigma2;
        var z0 = sigma2 * (log1mQ - logQ) + 0.5;
        var eps = LogMath.Epsilon;
        var cdfError = 64 * eps; // generous bound on the relative error of Φ (and of its log)
        var sum = new LogScaledSum();

        // Leading terms of A₀ with the closed-form part of "1" removed.
        var (logP, pError) = LogOneMinusQPowMinusOnePlusAlphaQ(q, alpha, logQ, log1mQ);
        var logPhiZ0 = LogMath.LogNormalCdf(z0 / sigma);
        sum.Add(logPhiZ0 + logP, 1, pError + cdfError + 8 * eps * (Math.Abs(logPhiZ0) + Math.Abs(logP)));

        var logAlphaQ = Math.Log(alpha) + logQ;
        var e1 = (alpha - 1) * log1mQ;
        var m1 = -LogMath.Expm1(e1); // 1 − (1−q)^{α−1} > 0 for α > 1
        var logPhiZ0m1 = LogMath.LogNormalCdf((z0 - 1) / sigma);
        sum.Add(logAlphaQ + logPhiZ0m1 + Math.Log(m1), -1,
            cdfError + 8 * eps * (Math.Abs(logAlphaQ) + Math.Abs(logPhiZ0m1) + Math.Abs(Math.Log(m1)) + 4));

        // Closed-form part of "1" on the upper half.
        var oneMinusAlphaQ = 1 - alpha * q;
        var logPhiMz0 = LogMath.LogNormalCdf(-z0 / sigma);
        if (oneMinusAlphaQ != 0)
        {
            var l = Math.Log(Math.Abs(oneMinusAlphaQ));
            sum.Add(l + logPhiMz0, -Math.Sign(oneMinusAlphaQ),
                cdfError + 8 * eps * (Math.Abs(l) + Math.Abs(logPhiMz0) + 4) + 4 * eps * alpha * q / Math.Abs(oneMinusAlphaQ));
        }

        var logPhi1mz0 = LogMath.LogNormalCdf((1 - z0) / sigma);
        sum.Add(logAlphaQ + logPhi1mz0, -1, cdfError + 8 * eps * (Math.Abs(logAlphaQ) + Math.Abs(logPhi1mz0) + 4));

        // The binomial series.
        var logAbsC = 0.0;
        var signC = 1;
        var logCError = 0.0;
        for (var i = 0; ; i++)
        {
            if (i > 0)
            {
                var factor = alpha - (i - 1);
                if (factor == 0)
                {
                    break; // integer α: the coefficients are zero from here on
                }

                var logNum = Math.Log(Math.Abs(factor));
                var logDen = Math.Log(i);
                logAbsC += logNum - logDen;
                signC *= Math.Sign(factor);
                logCError += 2 * eps * (Math.Abs(logNum) + logDen + 2);
            }

            var j = alpha - i;
            var logT0 = double.NegativeInfinity;
            if (i >= 2)
            {
                var a = (alpha - i) * log1mQ;
                var b = i * logQ;
                var x = (i * (double)i - i) / twoSigma2;
                var c = LogMath.LogNormalCdf((z0 - i) / sigma);
                logT0 = logAbsC + a + b + x + c;
                sum.Add(logT0, signC,
                    logCError + cdfError + 8 * eps * (Math.Abs(logAbsC) + Math.Abs(a) + Math.Abs(b) + x + Math.Abs(c) + 4));
            }

            var a1 = j * logQ;
            var b1 = i * log1mQ;
            var x1 = (j * j - j) / twoSigma2;
            var c1 = LogMath.LogNormalCdf((j - z0) / sigma);
            var logT1 = logAbsC + a1 + b1 + x1 + c1;
            sum.Add(logT1, signC,
                logCError + cdfError + 8 * eps * (Math.Abs(logAbsC) + Math.Abs(a1) + Math.Abs(b1) + Math.Abs(x1) + Math.Abs(c1) + 4));

            if (i > alpha + 1)
            {
                var logLast = LogMath.LogAddExp(logT0, logT1);
                var done = logLast <= sum.LogAbsValue + Math.Log(1e-13) || i >= MaxFractionalTerms;
                if (done)
                {
                    // Alternating, decreasing tails: each is bounded by its last term.
                    sum.AddErrorBound(logLast);
                    break;
                }
            }
        }

        return sum.Log1pUpper();
    }

    /// <summary>log((1−q)^α − 1 + αq) (&gt; 0 for α &gt; 1) and the relative error of the value.</summary>
    private static (double Log, double RelativeError) LogOneMinusQPowMinusOnePlusAlphaQ(
        double q, double alpha, double logQ, double log1mQ)
    {
        if (q < 0.05)
        {
            // q²·Σ_{k≥2} C(α,k)(−q)^{k−2}: no cancellation, no underflow for tiny q.
            var coefficient = alpha * (alpha - 1) / 2;
            var s = 0.0;
            var abs = 0.0;
            var power = 1.0;
            for (var k = 2; k < 200; k++)
            {
                var term = coefficient * power;
                s += term;
                abs += Math.Abs(term);
                if (Math.Abs(term) < 1e-18 * Math.Abs(s))
                {
                    break;
                }

                coefficient *= (alpha - k) / (k + 1);
                power *= -q;
            }

            return (2 * logQ + Math.Log(s), 400 * LogMath.Epsilon * abs / s);
        }

        var e = LogMath.Expm1(alpha * log1mQ);
        var value = e + alpha * q;
        var error = 8 * LogMath.Epsilon * (Math.Abs(e) * (1 + Math.Abs(alpha * log1mQ)) + alpha * q) / value;
        return (Math.Log(value), error);
    }
}
