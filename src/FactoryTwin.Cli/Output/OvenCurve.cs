namespace FactoryTwin.Cli.Output;

/// <summary>One curve of an oven plot.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="Times">Seconds since entry.</param>
/// <param name="Temperatures">Kelvin.</param>
internal sealed record OvenCurve(string Label, IReadOnlyList<double> Times, IReadOnlyList<double> Temperatures);
