namespace FactoryTwin.Analytics.Ovens;

/// <summary>One temperature column of a measured profile.</summary>
/// <param name="Name">The header name (a probe name, or a zone id for zone air temperatures).</param>
/// <param name="Column">The 1-based character column of the header cell, for diagnostics.</param>
/// <param name="Line">The 1-based line of the header, for diagnostics.</param>
/// <param name="Temperatures">One temperature per sample, in kelvin (the file gives °C).</param>
public sealed record ProfileColumn(string Name, int Column, int Line, IReadOnlyList<double> Temperatures);
