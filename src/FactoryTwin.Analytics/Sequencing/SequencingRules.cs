namespace FactoryTwin.Analytics.Sequencing;

/// <summary>The paint shop's rules for a sequence, each hard or soft with a weight.</summary>
public sealed record SequencingRules
{
    /// <summary>The default cost of one colour change (a purge of the paint lines).</summary>
    public const int DefaultColourChangeWeight = 1;

    /// <summary>The default cost of one position of a colour batch over its maximum length.</summary>
    public const int DefaultBatchWeight = 10;

    /// <summary>The default cost of a body that is late at one due point.</summary>
    public const int DefaultDueWeight = 1;

    /// <summary>Gets the cost of one colour change between consecutive bodies.</summary>
    /// <value>The default value is 1.</value>
    public int ColourChangeWeight { get; init; } = DefaultColourChangeWeight;

    /// <summary>Gets the most bodies of one colour painted in a row before the guns must be cleaned, or
    /// <see langword="null"/> for no limit.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxBatchLength { get; init; }

    /// <summary>Gets whether the batch limit is hard or soft.</summary>
    /// <value>The default value is <see cref="ConstraintMode.Hard"/>.</value>
    public ConstraintMode BatchMode { get; init; } = ConstraintMode.Hard;

    /// <summary>Gets the cost of each body beyond the batch limit when the limit is soft.</summary>
    /// <value>The default value is 10.</value>
    public int BatchWeight { get; init; } = DefaultBatchWeight;

    /// <summary>Gets the assembly option ratio rules.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<OptionRatio> Options { get; init; } = [];

    /// <summary>Gets whether due positions are hard (every body on time) or soft.</summary>
    /// <value>The default value is <see cref="ConstraintMode.Soft"/>.</value>
    public ConstraintMode DueMode { get; init; } = ConstraintMode.Soft;

    /// <summary>Gets the cost, when dues are soft, of each body not yet painted at a due point it should have met:
    /// for every class of interchangeable bodies and every due position d of that class, each body of the class due by
    /// d and painted after d costs this weight once.</summary>
    /// <value>The default value is 1.</value>
    public int DueWeight { get; init; } = DefaultDueWeight;
}
