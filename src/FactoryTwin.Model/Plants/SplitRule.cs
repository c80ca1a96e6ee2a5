namespace FactoryTwin.Model.Plants;

/// <summary>How an element with several successors chooses where a part goes.</summary>
public enum SplitRule
{
    /// <summary>One successor (or none, for a sink).</summary>
    One,

    /// <summary>To the first successor with room, in the order listed (parallel lines, merge afterwards).</summary>
    FirstAvailable,

    /// <summary>By the part's variant.</summary>
    ByVariant,

    /// <summary>At random with the given fractions.</summary>
    ByFraction,
}
