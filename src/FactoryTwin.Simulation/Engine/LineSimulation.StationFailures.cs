using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// Station-wide failures (<see cref="FailureScope.Station"/>): one failure process per station that takes every
/// machine down at the same instant and brings them all back at one repair end. It draws from the first machine's
/// failure and repair streams. The failure clock runs while the station is up, and for
/// <see cref="FailureClock.Operating"/> only while it is also on shift (a conveyor oven's drive runs whenever it is on
/// shift, with bodies in it or not).
/// </summary>
public sealed partial class LineSimulation
{
    /// <summary>Starts the failure clock of station <paramref name="e"/> unless it is down (its repair end starts it).</summary>
    private void StartStationFailures(int e, FailureModel f, double[]? remainingToFailure)
    {
        ref var sf = ref _stationFailures[e];
        if (sf.Down)
        {
            return;
        }

        int first = _info[e].FirstMachine;
        sf.TimeToFailure = remainingToFailure is not null && !double.IsNaN(remainingToFailure[first])
            ? Math.Max(remainingToFailure[first], 0)
            : f.TimeBetweenFailures.Sample(ref _failureRng[first]);
        UpdateStationFailureClock(e);
    }

    /// <summary>Starts or pauses the failure clock of station <paramref name="e"/> so that it runs exactly when it should.</summary>
    private void UpdateStationFailureClock(int e)
    {
        ref var sf = ref _stationFailures[e];
        bool run = !sf.Down && (_defs[e].Station!.Failures!.Clock == FailureClock.Calendar || !_offShift[e]);
        if (run == sf.ClockRunning)
        {
            return;
        }

        if (run)
        {
            sf.ClockRunning = true;
            sf.ClockStart = _now;
            sf.FailureEvent = _calendar.Schedule(_now + sf.TimeToFailure, EventKind.StationFailure, e);
        }
        else
        {
            sf.TimeToFailure = RemainingStationTimeToFailure(e);
            sf.ClockRunning = false;
            sf.FailureEvent = 0; // the pending event is stale now
        }
    }

    /// <summary>The time to the next failure of station <paramref name="e"/> on its failure clock, as of now.</summary>
    private double RemainingStationTimeToFailure(int e)
    {
        ref var sf = ref _stationFailures[e];
        return sf.ClockRunning ? Math.Max(sf.TimeToFailure - (_now - sf.ClockStart), 0) : sf.TimeToFailure;
    }

    private void OnStationFailure(int e)
    {
        ref var sf = ref _stationFailures[e];
        sf.ClockRunning = false;
        sf.FailureEvent = 0;
        sf.TimeToFailure = 0;
        sf.Down = true;
        ref var info = ref _info[e];
        var f = _defs[e].Station!.Failures!;
        sf.RepairEnd = _now + f.TimeToRepair.Sample(ref _repairRng[info.FirstMachine]);
        _calendar.Schedule(sf.RepairEnd, EventKind.StationRepairEnd, e);
        for (int m = info.FirstMachine; m < info.EndMachine; m++)
        {
            ref var mm = ref _machines[m];
            MarkDown(ref mm);
            mm.RepairEnd = sf.RepairEnd;
            Reschedule(m);
            UpdateStatus(m);
        }
    }

    private void OnStationRepairEnd(int e)
    {
        ref var sf = ref _stationFailures[e];
        ref var info = ref _info[e];
        sf.Down = false;
        sf.TimeToFailure = _defs[e].Station!.Failures!.TimeBetweenFailures.Sample(ref _failureRng[info.FirstMachine]);
        UpdateStationFailureClock(e);
        for (int m = info.FirstMachine; m < info.EndMachine; m++)
        {
            MarkUp(ref _machines[m]);
            Reschedule(m);
            UpdateStatus(m);
        }

        if (_freeMachines[e] > 0)
        {
            Pull(e);
        }
    }

    /// <summary>
    /// Restores the failure state of station <paramref name="e"/> with station-wide failures from its machines in a
    /// snapshot: it is down when any machine is, with the first known remaining repair of a down machine (else drawn
    /// conditioned on the longest time a down machine has been down); its time to failure is the first one known
    /// (recorded at the first machine's index for <see cref="StartFailures"/>). Every machine of the station, those
    /// the snapshot leaves out too, is then down or up with it.
    /// </summary>
    private void RestoreStationFailure(int e, ReadOnlySpan<MachineSnapshot> machines, double[] timeToFailure)
    {
        ref var info = ref _info[e];
        double ttf = double.NaN, repair = double.NaN, downFor = -1;
        foreach (var ms in machines)
        {
            if (double.IsNaN(ttf))
            {
                ttf = ms.RemainingTimeToFailure;
            }

            if (ms.Status == MachineStatus.Down)
            {
                downFor = Math.Max(downFor, Math.Max(ms.TimeInStatus, 0));
                if (double.IsNaN(repair))
                {
                    repair = ms.RemainingRepair;
                }
            }
        }

        timeToFailure[info.FirstMachine] = ttf;
        if (downFor < 0)
        {
            return;
        }

        if (double.IsNaN(repair))
        {
            repair = _defs[e].Station!.Failures is { } f ? f.TimeToRepair.SampleResidual(ref _repairRng[info.FirstMachine], downFor) : 0;
        }

        ref var sf = ref _stationFailures[e];
        sf.Down = true;
        sf.RepairEnd = _now + Math.Max(repair, 0);
        _calendar.Schedule(sf.RepairEnd, EventKind.StationRepairEnd, e);
        for (int m = info.FirstMachine; m < info.EndMachine; m++)
        {
            ref var mm = ref _machines[m];
            mm.Down = true;
            mm.RepairEnd = sf.RepairEnd;
            if (mm.Part >= 0 && mm.Phase == MachinePhase.Work)
            {
                mm.FirstStop = double.IsNaN(mm.FirstStop) ? _now : mm.FirstStop;
                mm.DownSince = _now;
            }
        }
    }
}
