namespace FactoryTwin.Mes.Performance;

/// <summary>
/// Expected completion of each open order from the plant's recent output rate. Orders finish in schedule sequence (the
/// plant releases and ships in order), so order i is complete once the bodies still missing from the open orders up to
/// and including it, k, have left the plant. Bodies leave the plant as a Poisson process whose rate is estimated from
/// the n bodies that left in the last <c>lookback</c> T₀: the time to the k-th departure is T = T₀·G_k/G_n with
/// G_a ~ Gamma(a, 1) independent (the k-th arrival of a Poisson process, with the rate's Gamma(n, T₀) posterior), so
/// T·n/(T₀·k) follows an F(2k, 2n) distribution. Its quantiles come from Paulson's approximation (the Wilson–Hilferty
/// cube-root normal approximation of both gammas; Abramowitz and Stegun 26.6.15); the expected completion is the median.
/// </summary>
public static class OrderCompletionForecast
{
    /// <summary>Estimates every open order's completion.</summary>
    /// <param name="orders">Plan versus actual up to <paramref name="now"/>, in schedule sequence.</param>
    /// <param name="departures">How many bodies left the plant in <c>[now − lookback, now)</c>.</param>
    /// <param name="lookback">The span the departures were counted in; positive.</param>
    /// <param name="now">The plant's now.</param>
    /// <param name="confidence">The interval's probability, in (0, 1).</param>
    /// <returns>One estimate per open order, in sequence; empty when nothing left the plant in the lookback (no rate to go on).</returns>
    public static IReadOnlyList<OrderCompletionEstimate> Estimate(IReadOnlyList<OrderPerformance> orders, int departures, TimeSpan lookback, DateTimeOffset now, double confidence = 0.9)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentOutOfRangeException.ThrowIfNegative(departures);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lookback, TimeSpan.Zero);
        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        }

        if (departures == 0)
        {
            return [];
        }

        double z = NormalQuantile(0.5 + (confidence / 2));
        double seconds = lookback.TotalSeconds;
        var estimates = new List<OrderCompletionEstimate>();
        int ahead = 0;
        foreach (var order in orders)
        {
            if (order.Status == OrderStatus.Completed)
            {
                continue;
            }

            ahead += order.Remaining;
            if (order.Remaining == 0)
            {
                continue;
            }

            double scale = seconds * ahead / departures;
            double d1 = 2.0 * ahead, d2 = 2.0 * departures;
            estimates.Add(new OrderCompletionEstimate(
                order.Order.Id,
                ahead,
                now.AddSeconds(scale * FQuantile(0, d1, d2)),
                now.AddSeconds(scale * FQuantile(-z, d1, d2)),
                now.AddSeconds(scale * FQuantile(z, d1, d2)),
                confidence));
        }

        return estimates;
    }

    /// <summary>
    /// The quantile of F(d1, d2) at the standard normal quantile <paramref name="z"/> by Paulson's approximation: with
    /// a = 2/(9·d1), b = 2/(9·d2) and u = f^(1/3), z = ((1 − b)u − (1 − a)) / √(b·u² + a), solved for u.
    /// </summary>
    internal static double FQuantile(double z, double d1, double d2)
    {
        double a = 2 / (9 * d1), b = 2 / (9 * d2);
        double denominator = ((1 - b) * (1 - b)) - (z * z * b);
        double discriminant = ((1 - a) * (1 - a) * b) + ((1 - b) * (1 - b) * a) - (z * z * a * b);
        double u = (((1 - a) * (1 - b)) + (z * Math.Sqrt(Math.Max(discriminant, 0)))) / denominator;
        return u * u * u;
    }

    /// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double Low = 0.02425;
        if (p < Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        double r = p - 0.5;
        double s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
