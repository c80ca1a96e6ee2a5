namespace FactoryTwin.Model.Telemetry;

/// <summary>A body's cure verdict as a gateway reports it on an oven's <c>part</c> exit (field <c>cure</c>).</summary>
public enum PartCure
{
    /// <summary>Inside the paint's cure window (<c>ok</c>).</summary>
    Ok,

    /// <summary>Too little cure (<c>under-cured</c>).</summary>
    UnderCured,

    /// <summary>Too hot or too much cure (<c>over-baked</c>).</summary>
    OverBaked,
}
