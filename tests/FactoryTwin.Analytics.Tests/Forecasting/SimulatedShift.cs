using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Analytics.Tests.Forecasting;

/// <summary>
/// One simulated day of the automotive plant standing in for the real plant: it runs from Monday 06:00 (empty) through
/// the early shift into the late shift, is captured as a snapshot at the given hour of the late shift, and then runs
/// on to the shift end to give the actual output.
/// </summary>
internal sealed class SimulatedShift
{
    public const double ShiftStart = 8 * 3600; // 14:00, simulation time 0 is Monday 06:00
    public const double ShiftEnd = 16 * 3600; // 22:00

    private readonly PlantSimulation _plant;
    private readonly LineSimulation _run;
    private readonly ReplicationResult _atShiftStart;

    public SimulatedShift(PlantSimulation plant, ulong seed, double snapshotTime)
    {
        _plant = plant;
        _run = new LineSimulation(plant.Model, new SimulationOptions { Seed = seed, EndTime = ShiftEnd }, replication: 0);
        _run.RunUntil(ShiftStart);
        _atShiftStart = _run.GetResult();
        _run.RunUntil(snapshotTime);
        Snapshot = plant.CaptureSnapshot(_run, plant.InstantOf(snapshotTime, Week), _atShiftStart);
    }

    /// <summary>A Monday outside daylight-saving changes.</summary>
    public static DateOnly Week => new(2026, 6, 1);

    public PlantSnapshot Snapshot { get; }

    /// <summary>Runs the rest of the shift and returns the good parts each line made in the whole shift, and the plant's (end lines).</summary>
    public (long Plant, Dictionary<string, long> Lines) Finish()
    {
        _run.RunUntil(ShiftEnd);
        var end = _run.GetResult();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var map in _plant.Lines)
        {
            long good = 0;
            foreach (var s in map.ExitStations)
            {
                good += end.Station(s.Value).Good - _atShiftStart.Station(s.Value).Good;
            }

            lines[map.Line.Value] = good;
        }

        return (lines["assembly"], lines);
    }
}
