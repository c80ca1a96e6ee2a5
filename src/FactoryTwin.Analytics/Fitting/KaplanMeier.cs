namespace FactoryTwin.Analytics.Fitting;

/// <summary>The Kaplan–Meier product-limit estimate of the CDF from right-censored data (the ECDF when nothing is censored).</summary>
internal static class KaplanMeier
{
    /// <summary>The distinct event times and the estimated CDF just after each, in increasing time.</summary>
    public static (double[] Times, double[] Cdf) Estimate(IReadOnlyList<Observation> sample)
    {
        var sorted = sample.OrderBy(o => o.Time).ThenBy(o => o.Censored).ToArray();
        var times = new List<double>();
        var cdf = new List<double>();
        double survival = 1;
        int atRisk = sorted.Length;
        int i = 0;
        while (i < sorted.Length)
        {
            double t = sorted[i].Time;
            int events = 0;
            int removed = 0;
            while (i < sorted.Length && sorted[i].Time == t)
            {
                if (!sorted[i].Censored)
                {
                    events++;
                }

                removed++;
                i++;
            }

            if (events > 0)
            {
                survival *= 1 - ((double)events / atRisk);
                times.Add(t);
                cdf.Add(1 - survival);
            }

            atRisk -= removed;
        }

        return ([.. times], [.. cdf]);
    }
}
