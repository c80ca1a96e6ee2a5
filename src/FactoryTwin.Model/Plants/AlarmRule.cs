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

    /// <summary>
    /// Gets how long, in seconds of plant time, the condition must hold before the alarm is raised (ISA-18.2 on-delay):
    /// a condition that comes and goes faster, such as noise around a limit or a reading that arrives a little late, raises
    /// nothing.
    /// </summary>
    /// <value>The default value is 0 (raise at once).</value>
    public double OnDelay { get; init; }

    /// <summary>Gets how long, in seconds of plant time, the condition must be gone before the alarm clears (ISA-18.2 off-delay).</summary>
    /// <value>The default value is 0 (clear at once).</value>
    public double OffDelay { get; init; }
}
