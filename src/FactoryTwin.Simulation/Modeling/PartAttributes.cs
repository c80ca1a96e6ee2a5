namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Parts carry up to <see cref="MaxCount"/> small integer attributes, drawn at their source
/// (<see cref="SourceOptions.AttributeMixes"/>). Attribute <see cref="Variant"/> is the variant: it selects processing
/// times (<see cref="StationOptions.ProcessingTimeByVariant"/>) and routes (<see cref="LineBuilder.SplitByVariant"/>).
/// What the others mean is the model's business; a station can set up by any of them (<see cref="SetupOptions.Attribute"/>).
/// </summary>
public static class PartAttributes
{
    /// <summary>The index of the variant attribute.</summary>
    public const int Variant = 0;

    /// <summary>The most attributes a part carries.</summary>
    public const int MaxCount = 4;

    /// <summary>The most values one attribute takes (values are 0 to <see cref="MaxValues"/> − 1).</summary>
    public const int MaxValues = ushort.MaxValue + 1;
}
