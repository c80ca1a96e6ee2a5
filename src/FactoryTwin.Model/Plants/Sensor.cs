using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A sensor on an asset.</summary>
/// <param name="Id">The id, unique across the plant.</param>
/// <param name="Asset">The asset it is mounted on.</param>
/// <param name="Quantity">What it measures.</param>
/// <param name="Unit">The unit its gateway publishes values in (<c>degC</c>).</param>
/// <param name="Min">The lowest valid reading, in SI units.</param>
/// <param name="Max">The highest valid reading, in SI units.</param>
public sealed record Sensor(SensorId Id, AssetId Asset, SensorQuantity Quantity, string Unit, double Min, double Max);
