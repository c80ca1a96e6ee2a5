namespace FactoryTwin.Simulation.Engine;

/// <summary>What became of a part a station finished (<see cref="ILineObserver.OnPartCompleted"/>).</summary>
public enum PartOutcome
{
    /// <summary>Good: it goes on to the next element.</summary>
    Good,

    /// <summary>Sent to the station's rework target.</summary>
    Rework,

    /// <summary>Scrapped: it leaves the line.</summary>
    Scrap,
}
