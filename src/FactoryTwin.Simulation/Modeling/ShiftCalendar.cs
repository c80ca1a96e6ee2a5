using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// When stations are off shift (breaks, nights, weekends, planned downtime): a list of off-shift
/// intervals in simulation seconds, optionally repeating with a period (e.g. 604 800 s for a weekly
/// pattern). Off shift, a station's machines stop (an interrupted part resumes later), accept no parts,
/// and parts wait upstream; finished parts may still leave.
/// </summary>
public sealed class ShiftCalendar
{
    private readonly double[] _starts;
    private readonly double[] _ends;
    private readonly double[] _boundaries;

    private ShiftCalendar(double period, IEnumerable<TimeInterval> offShift)
    {
        ArgumentNullException.ThrowIfNull(offShift);
        var sorted = new List<TimeInterval>();
        foreach (var interval in offShift)
        {
            if (!double.IsFinite(interval.Start) || !double.IsFinite(interval.End) || interval.End <= interval.Start)
            {
                throw new ArgumentException("Each off-shift interval needs finite Start < End.", nameof(offShift));
            }

            if (period > 0 && (interval.Start < 0 || interval.End > period))
            {
                throw new ArgumentException("Periodic off-shift intervals must lie within [0, period]; split one that wraps around.", nameof(offShift));
            }

            sorted.Add(interval);
        }

        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TimeInterval>();
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, interval.End) };
            }
            else
            {
                merged.Add(interval);
            }
        }

        Period = period;
        OffShift = [.. merged];
        _starts = new double[merged.Count];
        _ends = new double[merged.Count];
        _boundaries = new double[2 * merged.Count];
        for (int i = 0; i < merged.Count; i++)
        {
            _starts[i] = merged[i].Start;
            _ends[i] = merged[i].End;
            _boundaries[2 * i] = merged[i].Start;
            _boundaries[(2 * i) + 1] = merged[i].End;
        }
    }

    /// <summary>Gets the repetition period in seconds; 0 when the intervals do not repeat.</summary>
    public double Period { get; }

    /// <summary>Gets the merged, sorted off-shift intervals (within one period when periodic).</summary>
    public ImmutableArray<TimeInterval> OffShift { get; }

    /// <summary>Creates a calendar from absolute off-shift intervals that do not repeat.</summary>
    /// <param name="offShift">Off-shift intervals in simulation seconds.</param>
    /// <returns>The calendar.</returns>
    public static ShiftCalendar FromIntervals(IEnumerable<TimeInterval> offShift) => new(0, offShift);

    /// <summary>Creates a calendar whose off-shift intervals repeat every <paramref name="period"/> seconds.</summary>
    /// <param name="period">The period in seconds, e.g. 86 400 (daily) or 604 800 (weekly).</param>
    /// <param name="offShift">Off-shift intervals within [0, period], as offsets from the start of a period.</param>
    /// <returns>The calendar.</returns>
    public static ShiftCalendar Periodic(double period, IEnumerable<TimeInterval> offShift)
    {
        if (!(period > 0) || !double.IsFinite(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be a positive finite number of seconds.");
        }

        return new(period, offShift);
    }

    /// <summary>Whether time <paramref name="time"/> is off shift.</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <returns><see langword="true"/> when <paramref name="time"/> lies in an off-shift interval.</returns>
    public bool IsOffShift(double time)
    {
        double t = Period > 0 ? time - (Math.Floor(time / Period) * Period) : time;
        int i = Array.BinarySearch(_starts, t);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && t < _ends[i];
    }

    /// <summary>The first interval boundary strictly after <paramref name="time"/>.</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <returns>The time of the next boundary, or <see cref="double.PositiveInfinity"/> when there is none.</returns>
    public double NextChange(double time)
    {
        if (_boundaries.Length == 0)
        {
            return double.PositiveInfinity;
        }

        double origin = Period > 0 ? Math.Floor(time / Period) * Period : 0;
        double t = time - origin;
        foreach (double b in _boundaries)
        {
            if (b > t && origin + b > time)
            {
                return origin + b;
            }
        }

        return Period > 0 ? origin + Period + _boundaries[0] : double.PositiveInfinity;
    }
}
