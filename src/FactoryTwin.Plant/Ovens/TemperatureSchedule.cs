using System.Globalization;
using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Plant.Ovens;

/// <summary>
/// An air temperature over time, in kelvin: a constant, or piecewise-linear through (time, temperature) points and
/// held at the end values outside them. Times are seconds on the axis of the <see cref="OvenConditions"/> it belongs
/// to. Immutable. Plant's own type, so that the modules above Plant describe oven conditions without naming the
/// thermal engine; it is evaluated by the engine's <see cref="Schedule"/>, so the figures are the engine's.
/// </summary>
public sealed class TemperatureSchedule
{
    private readonly Schedule _schedule;

    private TemperatureSchedule(Schedule schedule) => _schedule = schedule;

    /// <summary>Gets whether the temperature is the same at all times.</summary>
    public bool IsConstant => _schedule.IsConstant;

    /// <summary>Creates a temperature that holds at all times.</summary>
    /// <param name="kelvin">The temperature, in kelvin.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kelvin"/> is not finite.</exception>
    public static TemperatureSchedule Constant(double kelvin) => new(Schedule.Constant(kelvin));

    /// <summary>Creates a temperature that is linear between the given points.</summary>
    /// <param name="times">Strictly increasing times, in seconds.</param>
    /// <param name="kelvin">The temperatures at those times, in kelvin.</param>
    /// <returns>The schedule; before the first and after the last point the end temperatures hold.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, are empty, or the times do not increase.</exception>
    public static TemperatureSchedule PiecewiseLinear(ReadOnlySpan<double> times, ReadOnlySpan<double> kelvin) =>
        new(Schedule.PiecewiseLinear(times, kelvin));

    /// <summary>Returns the temperature at a time.</summary>
    /// <param name="time">The time, in seconds.</param>
    /// <returns>The linearly interpolated temperature, in kelvin.</returns>
    public double ValueAt(double time) => _schedule.ValueAt(time);

    /// <inheritdoc/>
    public override string ToString() => _schedule.ToString();
}
