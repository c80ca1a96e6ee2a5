namespace FactoryTwin.Model.Diagnostics;

/// <summary>The kind of problem a diagnostic reports; stable for tools that read <c>--output json</c>.</summary>
public enum DiagnosticCode
{
    /// <summary>The text is not well-formed YAML.</summary>
    YamlSyntax,

    /// <summary>A field that the format does not have.</summary>
    UnknownField,

    /// <summary>A required field is absent.</summary>
    MissingField,

    /// <summary>Two things of one kind share an id.</summary>
    DuplicateId,

    /// <summary>A reference names an id that is not declared.</summary>
    UnknownReference,

    /// <summary>A value has the wrong shape or type (a list where a scalar belongs, text where a number belongs).</summary>
    InvalidValue,

    /// <summary>A number is outside its allowed range (a capacity of zero, a negative length).</summary>
    OutOfRange,

    /// <summary>A probability is outside [0, 1].</summary>
    InvalidProbability,

    /// <summary>A distribution's parameters are invalid.</summary>
    InvalidDistribution,

    /// <summary>A quantity has no unit, an unknown unit, or a unit of the wrong dimension.</summary>
    InvalidUnit,

    /// <summary>An element cannot be reached from any source.</summary>
    Unreachable,

    /// <summary>The routing has a cycle that is not a declared rework loop.</summary>
    RoutingCycle,

    /// <summary>An oven is incomplete (a zone without a sensor or a setpoint, no zones).</summary>
    InvalidOven,

    /// <summary>A mix (variants, colours, split fractions) does not sum to 1.</summary>
    MixSum,

    /// <summary>The file declares an unsupported <c>apiVersion</c>.</summary>
    UnsupportedVersion,

    /// <summary>Shift calendar times that contradict each other.</summary>
    InvalidCalendar,

    /// <summary>The file could not be read.</summary>
    FileError,
}
