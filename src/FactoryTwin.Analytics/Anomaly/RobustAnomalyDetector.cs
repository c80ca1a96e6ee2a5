namespace FactoryTwin.Analytics.Anomaly;

/// <summary>
/// A robust detector of anomalies in one sensor stream, with a baseline learned per phase (a phase is a part of the
/// shift pattern the caller numbers: hour of the shift, or off-shift): the first <see cref="AnomalyDetectorOptions.LearningSamples"/>
/// samples of each phase give its median, its scale 1.4826·MAD (a consistent estimate of σ for normal data; Rousseeuw
/// &amp; Croux 1993) and the median of the sample-to-sample change |Δ|. After that every sample becomes a z-score on the
/// phase's baseline, clipped to ±<see cref="AnomalyDetectorOptions.Clip"/>, fed to an EWMA or a two-sided CUSUM of the
/// level; a second EWMA of |Δ| / median|Δ| watches the spread (noise burst above, stuck value below).
/// </summary>
/// <remarks>
/// <see cref="Update"/> allocates nothing: every buffer is allocated in the constructor, and the baseline is computed
/// in place (sorting the learning buffer) when a phase's learning completes. Not thread-safe.
/// </remarks>
public sealed class RobustAnomalyDetector
{
    /// <summary>1/Φ⁻¹(3/4): makes the MAD a consistent estimator of σ for normal data.</summary>
    private const double MadToSigma = 1.482602218505602;

    private readonly AnomalyDetectorOptions _options;
    private readonly double[] _values;   // phases × LearningSamples
    private readonly double[] _changes;  // phases × LearningSamples
    private readonly int[] _count;
    private readonly double[] _median;
    private readonly double[] _scale;
    private readonly double[] _changeScale;
    private readonly double _ewmaLimit;
    private double _level;
    private double _cusumHigh;
    private double _cusumLow;
    private double _spread = 1;
    private double _last = double.NaN;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The settings; validated.</param>
    /// <param name="phases">The number of phases, at least 1.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public RobustAnomalyDetector(AnomalyDetectorOptions options, int phases = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(phases, 1);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _values = new double[phases * options.LearningSamples];
        _changes = new double[phases * options.LearningSamples];
        _count = new int[phases];
        _median = new double[phases];
        _scale = new double[phases];
        _changeScale = new double[phases];
        _ewmaLimit = options.EwmaLimit;
        Phases = phases;
    }

    /// <summary>Gets the number of phases.</summary>
    public int Phases { get; }

    /// <summary>Gets the level statistic after the last sample: the EWMA of the z-scores, or the larger CUSUM (signed: negative for the low side).</summary>
    public double Level => _options.Method == AnomalyMethod.Ewma ? _level : (_cusumHigh >= _cusumLow ? _cusumHigh : -_cusumLow);

    /// <summary>Gets the spread statistic after the last sample: the EWMA of |Δ| / median|Δ| (about 1.2 in control for normal noise).</summary>
    public double Spread => _spread;

    /// <summary>Gets the last classification.</summary>
    public AnomalyKind Current { get; private set; }

    /// <summary>Whether a phase has learned its baseline.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns><see langword="true"/> once it has.</returns>
    public bool HasBaseline(int phase) => _count[phase] > _options.LearningSamples;

    /// <summary>Gets the learned baseline of a phase: median and robust σ of the values (NaN while learning).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The median and the scale.</returns>
    public (double Median, double Scale) Baseline(int phase) => HasBaseline(phase) ? (_median[phase], _scale[phase]) : (double.NaN, double.NaN);

    /// <summary>Feeds one sample and classifies the stream.</summary>
    /// <param name="value">The sample; a NaN is ignored.</param>
    /// <param name="phase">Its phase, in [0, <see cref="Phases"/>).</param>
    /// <returns>The classification after this sample; <see cref="AnomalyKind.None"/> while the phase learns.</returns>
    public AnomalyKind Update(double value, int phase)
    {
        if ((uint)phase >= (uint)Phases)
        {
            ThrowPhase(phase);
        }

        if (double.IsNaN(value))
        {
            return Current;
        }

        double change = double.IsNaN(_last) ? double.NaN : Math.Abs(value - _last);
        _last = value;
        int n = _options.LearningSamples;
        int learned = _count[phase];
        if (learned < n)
        {
            _values[(phase * n) + learned] = value;
            _changes[(phase * n) + learned] = double.IsNaN(change) ? 0 : change;
            _count[phase] = learned + 1;
            return Current = AnomalyKind.None;
        }

        if (learned == n)
        {
            Learn(phase);
            _count[phase] = n + 1;
        }

        double lambda = _options.Lambda;
        double z = Math.Clamp((value - _median[phase]) / _scale[phase], -_options.Clip, _options.Clip);
        var kind = AnomalyKind.None;
        if (_options.Method == AnomalyMethod.Ewma)
        {
            _level = (lambda * z) + ((1 - lambda) * _level);
            kind |= _level > _ewmaLimit ? AnomalyKind.High : _level < -_ewmaLimit ? AnomalyKind.Low : AnomalyKind.None;
        }
        else
        {
            _cusumHigh = Math.Max(0, _cusumHigh + z - _options.CusumSlack);
            _cusumLow = Math.Max(0, _cusumLow - z - _options.CusumSlack);
            kind |= _cusumHigh > _options.CusumLimit ? AnomalyKind.High : AnomalyKind.None;
            kind |= _cusumLow > _options.CusumLimit ? AnomalyKind.Low : AnomalyKind.None;
        }

        if (!double.IsNaN(change))
        {
            // Capped, so that one wild sample (two large changes) cannot make the stream noisy alone.
            double ratio = Math.Min(change / _changeScale[phase], 2 * _options.SpreadHigh);
            _spread = (lambda * ratio) + ((1 - lambda) * _spread);
        }

        kind |= _spread > _options.SpreadHigh ? AnomalyKind.Noisy : _spread < _options.SpreadLow ? AnomalyKind.Stuck : AnomalyKind.None;
        return Current = kind;
    }

    /// <summary>Clears the level and spread statistics (after a repair, say), keeping the learned baselines.</summary>
    public void ResetStatistics()
    {
        _level = _cusumHigh = _cusumLow = 0;
        _spread = 1;
        _last = double.NaN;
        Current = AnomalyKind.None;
    }

    private void Learn(int phase)
    {
        int n = _options.LearningSamples;
        var values = _values.AsSpan(phase * n, n);
        values.Sort();
        double median = Median(values);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        values.Sort();

        // A floor keeps a constant-valued baseline (a quantized, quiet sensor) from dividing by zero.
        double floor = 1e-9 * Math.Max(1, Math.Abs(median));
        _median[phase] = median;
        _scale[phase] = Math.Max(MadToSigma * Median(values), floor);
        var changes = _changes.AsSpan(phase * n, n);
        changes.Sort();
        _changeScale[phase] = Math.Max(Median(changes), floor);
        _spread = 1;
    }

    private static double Median(Span<double> sorted) =>
        (sorted.Length & 1) == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);

    private void ThrowPhase(int phase) => throw new ArgumentOutOfRangeException(nameof(phase), phase, $"The phase must be in [0, {Phases}).");
}
