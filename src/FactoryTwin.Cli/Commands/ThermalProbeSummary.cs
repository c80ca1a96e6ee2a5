namespace FactoryTwin.Cli.Commands;

/// <summary>One probe's result in <c>thermal --output json</c> (temperatures in °C).</summary>
/// <param name="Id">The probe id.</param>
/// <param name="At">Its coordinates, in metres (one per dimension).</param>
/// <param name="FinalCelsius">Temperature at the end time, in °C.</param>
/// <param name="MinCelsius">Lowest recorded temperature, in °C.</param>
/// <param name="MaxCelsius">Highest recorded temperature, in °C.</param>
/// <param name="TimeOfMaxSeconds">When the highest was first recorded, in seconds.</param>
internal sealed record ThermalProbeSummary(string Id, IReadOnlyList<double> At, double FinalCelsius, double MinCelsius, double MaxCelsius, double TimeOfMaxSeconds);
