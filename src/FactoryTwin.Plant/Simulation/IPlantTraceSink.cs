namespace FactoryTwin.Plant.Simulation;

/// <summary>Receives the events of a <see cref="LivePlantRun"/> in the order they happen (same time: engine order).</summary>
public interface IPlantTraceSink
{
    /// <summary>Called for each event, on the thread that advances the run.</summary>
    /// <param name="traceEvent">The event.</param>
    void OnEvent(in PlantTraceEvent traceEvent);
}
