using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Ids;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.VirtualPlant.Continuity;

/// <summary>
/// Keeps one hosted run's <see cref="VirtualPlantState"/> in its state file: at the start it reads the saved state (the
/// gateways' first <c>seq</c>) and at once writes a periodic (not clean) state, so that a crash before the next save still
/// restarts past this run; then every save interval of wall time; and a clean state once the run stops creating
/// messages. The saved plant time only moves forward, across runs too. A failed write is logged and the run goes on.
/// </summary>
internal sealed class StateRecorder
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly bool _resume;
    private readonly double _clockSpeed;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, long> _saved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _peaks = new(StringComparer.Ordinal);
    private DateTimeOffset _highWater = DateTimeOffset.MinValue;
    private bool _failing;

    /// <param name="path">The state file.</param>
    /// <param name="resume">Whether to continue from a saved state (else it is ignored and replaced).</param>
    /// <param name="clockSpeed">Seconds of <paramref name="clock"/> per wall second.</param>
    /// <param name="interval">Wall time between two periodic saves.</param>
    /// <param name="clock">The emulator's clock (the plant clock in the server).</param>
    /// <param name="logger">The logger.</param>
    public StateRecorder(string path, bool resume, double clockSpeed, TimeSpan interval, TimeProvider clock, ILogger logger)
    {
        _path = path;
        _resume = resume;
        _clockSpeed = clockSpeed;
        _interval = interval;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Reads the saved state, logs what it continues from, and writes the running state before any message is created.</summary>
    /// <param name="gateways">The plant's gateways.</param>
    /// <returns>Each gateway's first <c>seq</c>.</returns>
    public Dictionary<GatewayId, long> Begin(IEnumerable<GatewayId> gateways)
    {
        VirtualPlantState? previous = null;
        if (!_resume)
        {
            Log.StateIgnored(_logger, _path);
        }
        else
        {
            var loaded = VirtualPlantStateFile.Load(_path);
            previous = loaded.State;
            if (loaded.Problem is { } problem)
            {
                Log.StateUnusable(_logger, _path, problem);
            }
            else if (loaded.Missing)
            {
                Log.StateMissing(_logger, _path);
            }
        }

        var first = new Dictionary<GatewayId, long>();
        foreach (var gateway in gateways)
        {
            var seq = previous?.NextSeqAfterRestart(gateway.Value) ?? 0;
            first[gateway] = seq;
            _saved[gateway.Value] = seq;
            _peaks[gateway.Value] = Peak(previous, gateway.Value);
        }

        if (previous is not null)
        {
            _highWater = previous.ResumeTime;
            Log.StateResumed(_logger, _path, previous.Clean ? "a clean stop" : "a periodic save (the run did not stop cleanly)", previous.PlantTime, previous.ResumeTime, Describe(first));
        }

        Save(first, DateTimeOffset.MinValue, clean: false);
        return first;
    }

    /// <summary>Saves every interval of <paramref name="wall"/> time until <paramref name="cancellationToken"/> ends.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="wall">The wall clock the interval is measured on.</param>
    /// <param name="cancellationToken">Stops the saving (without a last save).</param>
    /// <returns>A task that completes when the saving stopped.</returns>
    public async Task SaveEveryIntervalAsync(VirtualPlantEmulator emulator, TimeProvider wall, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, wall);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Save(emulator.NextSequences(), emulator.StampedUpTo, clean: false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped: the caller makes the last save
        }
    }

    /// <summary>Saves the emulator's current position.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="clean">Whether it stopped creating messages (the values are exact).</param>
    /// <returns>Whether the file was written.</returns>
    public bool Save(VirtualPlantEmulator emulator, bool clean) => Save(emulator.NextSequences(), emulator.StampedUpTo, clean);

    /// <summary>Saves a position.</summary>
    /// <param name="next">Each gateway's next <c>seq</c>.</param>
    /// <param name="stampedUpTo">The latest stamp a message created so far may carry.</param>
    /// <param name="clean">Whether no message is created after this (the values are exact).</param>
    /// <returns>Whether the file was written.</returns>
    public bool Save(IReadOnlyDictionary<GatewayId, long> next, DateTimeOffset stampedUpTo, bool clean)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var plantTime = Max(Max(now, stampedUpTo), _highWater);
            var gateways = ImmutableArray.CreateBuilder<GatewaySequence>(next.Count);
            foreach (var (id, seq) in next.OrderBy(g => g.Key.Value, StringComparer.Ordinal))
            {
                var delta = _saved.TryGetValue(id.Value, out var before) ? seq - before : seq;
                var peak = Math.Max(_peaks.GetValueOrDefault(id.Value), delta);
                gateways.Add(new GatewaySequence(id.Value, seq, peak));
            }

            var state = new VirtualPlantState(plantTime, clean, _clockSpeed, _interval, gateways.MoveToImmutable());
            try
            {
                VirtualPlantStateFile.Save(_path, state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (!_failing)
                {
                    Log.StateNotSaved(_logger, _path, ex.Message);
                    _failing = true;
                }

                return false;
            }

            _failing = false;
            _highWater = plantTime;
            foreach (var g in state.Gateways)
            {
                _saved[g.Gateway] = g.NextSeq;
                _peaks[g.Gateway] = g.PeakPerSave;
            }

            return true;
        }
    }

    private static long Peak(VirtualPlantState? state, string gateway)
    {
        if (state is not null)
        {
            foreach (var g in state.Gateways)
            {
                if (string.Equals(g.Gateway, gateway, StringComparison.Ordinal))
                {
                    return g.PeakPerSave;
                }
            }
        }

        return 0;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static string Describe(Dictionary<GatewayId, long> first) =>
        string.Join(", ", first.OrderBy(g => g.Key.Value, StringComparer.Ordinal).Select(g => g.Key.Value + " " + g.Value.ToString(CultureInfo.InvariantCulture)));
}
