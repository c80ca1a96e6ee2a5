using FactoryTwin.Model.Plants;

namespace FactoryTwin.Plant.Ovens;

/// <summary>
/// Integrates the cure figures along a metal-temperature history: peak, time above the threshold (linear
/// interpolation inside a step) and the Arrhenius equivalent time t_eq = ∫ exp(−Ea/R · (1/T − 1/T_ref)) dt
/// (trapezoidal rule), as paint suppliers define the cure index.
/// </summary>
internal static class CureAccumulator
{
    /// <summary>The molar gas constant R, in J/(mol·K) (CODATA 2018, exact).</summary>
    public const double GasConstant = 8.314462618;

    /// <summary>The cure rate relative to the reference temperature: exp(−Ea/R · (1/T − 1/T_ref)).</summary>
    public static double RelativeRate(double temperature, CureWindow window) =>
        Math.Exp(-window.ActivationEnergy / GasConstant * ((1 / temperature) - (1 / window.ReferenceTemperature)));

    /// <summary>Adds one step from <paramref name="t0"/> to <paramref name="t1"/> (kelvin) of length <paramref name="dt"/> seconds.</summary>
    public static void Step(double t0, double t1, double dt, CureWindow window, ref double peak, ref double above, ref double equivalent)
    {
        peak = Math.Max(peak, t1);
        var threshold = window.Threshold;
        if (t0 >= threshold && t1 >= threshold)
        {
            above += dt;
        }
        else if (t0 >= threshold || t1 >= threshold)
        {
            // The crossing inside the step, by linear interpolation.
            var fraction = t1 >= threshold ? (t1 - threshold) / (t1 - t0) : (t0 - threshold) / (t0 - t1);
            above += dt * fraction;
        }

        equivalent += 0.5 * dt * (RelativeRate(t0, window) + RelativeRate(t1, window));
    }

    /// <summary>Judges the figures against the cure window.</summary>
    public static (CureVerdict Verdict, double Margin, CureCriterion Binding) Judge(double peak, double above, double equivalent, CureWindow window)
    {
        Span<double> slack =
        [
            window.MinTimeAboveThreshold > 0 ? (above / window.MinTimeAboveThreshold) - 1 : double.PositiveInfinity,
            (equivalent / window.MinEquivalentTime) - 1,
            1 - (equivalent / window.MaxEquivalentTime),
            (window.MaxPeakTemperature - peak) / (window.MaxPeakTemperature - window.Threshold),
        ];
        var binding = 0;
        for (var i = 1; i < slack.Length; i++)
        {
            if (slack[i] < slack[binding])
            {
                binding = i;
            }
        }

        // Under-cure wins over over-bake when both occur: uncured paint is the defect that reaches the customer.
        var verdict = slack[0] < 0 || slack[1] < 0 ? CureVerdict.UnderCured
            : slack[2] < 0 || slack[3] < 0 ? CureVerdict.OverBaked
            : CureVerdict.Ok;
        return (verdict, slack[binding], (CureCriterion)binding);
    }
}
