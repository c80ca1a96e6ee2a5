using FactoryTwin.Analytics.Anomaly;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Assets;

/// <summary>
/// The detector behind one <see cref="AnomalyAlarm"/>, with the rule's shift phases: with a phase length P, phase i
/// covers [shift start + i·P, shift start + (i+1)·P) (the last on-shift phase takes the rest of a long shift), and the
/// last phase is off shift; without one, phase 0 is on shift and phase 1 off shift. Kept in memory only.
/// </summary>
internal sealed class AnomalyWatch
{
    private readonly ShiftClock _clock;
    private readonly double _phaseLength;
    private readonly int _onShiftPhases;
    private DateTimeOffset _shiftStart = DateTimeOffset.MaxValue;
    private DateTimeOffset _shiftEnd = DateTimeOffset.MinValue;
    private DateTimeOffset _recheck = DateTimeOffset.MinValue;

    public AnomalyWatch(AnomalyAlarm rule, ShiftClock clock)
    {
        Rule = rule;
        _clock = clock;
        _phaseLength = rule.PhaseLength;

        // A shift lasts at most a day.
        _onShiftPhases = rule.PhaseLength > 0 ? (int)Math.Ceiling(86_400 / rule.PhaseLength) : 1;
        Detector = new RobustAnomalyDetector(Options(rule), _onShiftPhases + 1);
    }

    public AnomalyAlarm Rule { get; }

    public RobustAnomalyDetector Detector { get; }

    /// <summary>Feeds one reading; returns what the detector sees.</summary>
    public AnomalyKind Update(double value, DateTimeOffset at) => Detector.Update(value, PhaseOf(at));

    /// <summary>The detector settings of a rule.</summary>
    public static AnomalyDetectorOptions Options(AnomalyAlarm rule) => new()
    {
        Method = rule.Chart == AnomalyChart.Cusum ? AnomalyMethod.Cusum : AnomalyMethod.Ewma,
        LearningSamples = rule.Learn,
        Lambda = rule.Lambda,
        EwmaLimit = rule.Chart == AnomalyChart.Ewma ? rule.EffectiveLimit : AnomalyAlarm.DefaultEwmaLimit,
        CusumLimit = rule.Chart == AnomalyChart.Cusum ? rule.EffectiveLimit : AnomalyAlarm.DefaultCusumLimit,
        CusumSlack = rule.Slack,
    };

    private int PhaseOf(DateTimeOffset at)
    {
        if ((at < _shiftStart || at >= _shiftEnd) && at >= _recheck)
        {
            _shiftStart = _clock.ShiftStart(at);
            _shiftEnd = _clock.ShiftEnd(at);
            _recheck = at >= _shiftEnd ? at.AddMinutes(1) : DateTimeOffset.MinValue;
        }

        if (at < _shiftStart || at >= _shiftEnd)
        {
            return _onShiftPhases;
        }

        if (_phaseLength <= 0)
        {
            return 0;
        }

        return Math.Min((int)((at - _shiftStart).TotalSeconds / _phaseLength), _onShiftPhases - 1);
    }
}
