using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A rule that raises an alarm.</summary>
public abstract record AlarmRule
{
    /// <summary>Gets the id, unique across the plant.</summary>
    public required AlarmId Id { get; init; }

    /// <summary>Gets the message operators see.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the priority.</summary>
    public required AlarmPriority Priority { get; init; }
}
