namespace FactoryTwin.Model.Yaml;

/// <summary>The range a number read from a file must lie in.</summary>
public enum ValueRange
{
    /// <summary>Any finite number.</summary>
    Any,

    /// <summary>Greater than 0.</summary>
    Positive,

    /// <summary>0 or more.</summary>
    NonNegative,

    /// <summary>1 or more.</summary>
    AtLeastOne,

    /// <summary>Within [0, 1].</summary>
    UnitInterval,

    /// <summary>Within (0, 1].</summary>
    PositiveUnitInterval,
}
