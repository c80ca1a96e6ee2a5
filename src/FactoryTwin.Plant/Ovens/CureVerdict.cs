namespace FactoryTwin.Plant.Ovens;

/// <summary>Whether a point of a body is cured.</summary>
public enum CureVerdict
{
    /// <summary>Too little time above the threshold or too little equivalent cure (<c>under-cured</c>).</summary>
    UnderCured,

    /// <summary>Inside the cure window (<c>ok</c>).</summary>
    Ok,

    /// <summary>Too hot or too much equivalent cure (<c>over-baked</c>).</summary>
    OverBaked,
}
