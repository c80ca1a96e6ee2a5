using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Telemetry.Validation;

/// <summary>What validation needs of one sensor, computed once: its series, the conversion of its published unit to SI, and its range.</summary>
/// <param name="Id">The sensor id.</param>
/// <param name="Asset">The asset it is mounted on.</param>
/// <param name="Series">Its series, <c>{asset}/{sensor}</c>.</param>
/// <param name="Scale">SI value = published value × scale + offset.</param>
/// <param name="Offset">The offset of the conversion (273.15 for °C).</param>
/// <param name="Min">The lowest valid value, in SI units.</param>
/// <param name="Max">The highest valid value, in SI units.</param>
internal sealed record SensorInfo(string Id, AssetInfo Asset, SeriesId Series, double Scale, double Offset, double Min, double Max);
