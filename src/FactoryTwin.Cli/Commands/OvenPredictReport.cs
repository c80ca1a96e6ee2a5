using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of <c>oven predict</c>.</summary>
/// <param name="Plant">The plant file.</param>
/// <param name="Oven">The oven.</param>
/// <param name="Conditions">setpoints, or the zone-temperature profile file.</param>
/// <param name="ZoneAirC">Each zone's air temperature at entry, in °C.</param>
/// <param name="Verdict">The worst verdict over all bodies.</param>
/// <param name="Points">Every point of every body style.</param>
internal sealed record OvenPredictReport(string Plant, string Oven, string Conditions, IReadOnlyDictionary<string, double> ZoneAirC, CureVerdict Verdict, IReadOnlyList<OvenPointRow> Points);
