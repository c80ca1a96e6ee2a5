namespace FactoryTwin.Model.Plants;

/// <summary>What a failure takes down: one server of a station or the whole station.</summary>
public enum FailureScope
{
    /// <summary>Each server fails on its own, as independent parallel machines do (<c>server</c>; the default except for ovens).</summary>
    Server,

    /// <summary>One failure stops every server of the station at once, as a stopped conveyor or tank does (<c>station</c>; the default for ovens).</summary>
    Station,
}
