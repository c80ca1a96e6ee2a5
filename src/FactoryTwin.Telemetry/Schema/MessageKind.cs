namespace FactoryTwin.Telemetry.Schema;

/// <summary>The last topic segment: what a message carries.</summary>
internal enum MessageKind
{
    /// <summary>A station state change (<c>state</c>).</summary>
    State,

    /// <summary>Good and scrap counter totals (<c>count</c>).</summary>
    Count,

    /// <summary>One or more sensor values (<c>measure</c>).</summary>
    Measure,

    /// <summary>A part entering or leaving (<c>part</c>).</summary>
    Part,
}
