using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>One heated zone of an oven.</summary>
/// <param name="Id">The zone id, unique within its oven.</param>
/// <param name="Length">The zone length, in metres.</param>
/// <param name="Setpoint">The air-temperature setpoint, in kelvin.</param>
/// <param name="HeatTransferCoefficient">The convective heat-transfer coefficient from air to body, in W/(m²·K).</param>
/// <param name="Sensor">The sensor that measures the zone's air temperature.</param>
public sealed record OvenZone(ZoneId Id, double Length, double Setpoint, double HeatTransferCoefficient, SensorId Sensor);
