namespace FactoryTwin.Analytics.Sequencing;

/// <summary>One ordered body to be painted.</summary>
/// <param name="Id">The body's id, unique in the day (e.g. the VIN or the order id with a running number).</param>
/// <param name="Colour">The colour code; bodies of the same colour painted one after another need no purge.</param>
/// <param name="Options">The assembly options the body carries (e.g. <c>sunroof</c>); only options that have a
/// <see cref="OptionRatio"/> rule affect the sequence.</param>
/// <param name="DuePosition">The latest position (1-based slot in the paint sequence) at which the body should be
/// painted, or <see langword="null"/> when it has no due.</param>
public sealed record SequencingBody(string Id, string Colour, IReadOnlyList<string> Options, int? DuePosition = null);
