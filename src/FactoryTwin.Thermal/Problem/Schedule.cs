namespace FactoryTwin.Thermal.Problem;

/// <summary>
/// A scalar that varies in time: a constant, or piecewise-linear through (time, value) points and held
/// constant outside them. Used for boundary temperatures (kelvin), heat transfer coefficients
/// (W/(m²·K)) and fluxes (W/m²). Immutable.
/// </summary>
public sealed class Schedule
{
    private readonly double[] _times;
    private readonly double[] _values;

    private Schedule(double[] times, double[] values)
    {
        _times = times;
        _values = values;
    }

    /// <summary>True when the schedule has a single value for all times.</summary>
    public bool IsConstant => _values.Length == 1;

    /// <summary>Creates a schedule with the same value at all times.</summary>
    /// <param name="value">The value, in the unit of the quantity it describes.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public static Schedule Constant(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A schedule value must be finite.");
        }

        return new Schedule([0.0], [value]);
    }

    /// <summary>Creates a piecewise-linear schedule through the given points.</summary>
    /// <param name="times">Strictly increasing times, in seconds.</param>
    /// <param name="values">Values at those times.</param>
    /// <returns>The schedule; before the first and after the last point the end values hold.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, are empty, or times do not increase.</exception>
    public static Schedule PiecewiseLinear(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length != values.Length || times.Length == 0)
        {
            throw new ArgumentException("Times and values must be non-empty and of equal length.", nameof(values));
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]) || !double.IsFinite(values[i]) || (i > 0 && !(times[i] > times[i - 1])))
            {
                throw new ArgumentException("Times must be finite and strictly increasing, values finite.", nameof(times));
            }
        }

        return new Schedule(times.ToArray(), values.ToArray());
    }

    /// <summary>The value at time <paramref name="time"/>.</summary>
    /// <param name="time">Time, in seconds.</param>
    /// <returns>The linearly interpolated value.</returns>
    public double ValueAt(double time)
    {
        var t = _times;
        if (t.Length == 1 || time <= t[0])
        {
            return _values[0];
        }

        if (time >= t[^1])
        {
            return _values[^1];
        }

        var hi = Array.BinarySearch(t, time);
        if (hi >= 0)
        {
            return _values[hi];
        }

        hi = ~hi;
        var lo = hi - 1;
        var w = (time - t[lo]) / (t[hi] - t[lo]);
        return _values[lo] + (w * (_values[hi] - _values[lo]));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        IsConstant
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Constant({_values[0]})")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PiecewiseLinear({_values.Length} points)");
}
