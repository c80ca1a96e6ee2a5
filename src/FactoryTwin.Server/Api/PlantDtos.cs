namespace FactoryTwin.Server.Api;

/// <summary>The plant model as the API shows it.</summary>
internal sealed record PlantDto(string Site, string Name, string TimeZone, IReadOnlyList<AreaDto> Areas, IReadOnlyList<SensorDto> Sensors, IReadOnlyList<GatewayDto> Gateways);

/// <summary>An area with its lines.</summary>
internal sealed record AreaDto(string Id, string Name, IReadOnlyList<LineDto> Lines);

/// <summary>A line with its flow elements.</summary>
internal sealed record LineDto(string Id, string Name, int? ShiftTarget, IReadOnlyList<AssetDto> Elements);

/// <summary>A flow element.</summary>
/// <param name="Id">The asset id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">source, station, oven, buffer, conveyor or sink.</param>
/// <param name="Line">The line id.</param>
/// <param name="Next">The ids of the elements parts flow to.</param>
/// <param name="Capacity">A buffer's capacity, otherwise <see langword="null"/>.</param>
/// <param name="X">The layout x coordinate from the plant file, or <see langword="null"/>.</param>
/// <param name="Y">The layout y coordinate from the plant file, or <see langword="null"/>.</param>
internal sealed record AssetDto(string Id, string Name, string Kind, string Line, IReadOnlyList<string> Next, int? Capacity, double? X, double? Y);

/// <summary>An asset with its sensors.</summary>
internal sealed record AssetDetailDto(AssetDto Asset, IReadOnlyList<SensorDto> Sensors);

/// <summary>
/// A sensor. Its values — in the history, the live state and <paramref name="Min"/>/<paramref name="Max"/> — are in
/// <paramref name="Unit"/>, the SI unit of its quantity; <paramref name="DisplayUnit"/> is the unit of the plant file,
/// the one gateways send and people read.
/// </summary>
/// <param name="Id">The sensor id.</param>
/// <param name="Asset">The asset it is mounted on.</param>
/// <param name="Quantity">What it measures (kebab-case: temperature, pressure, humidity …).</param>
/// <param name="Unit">The SI unit of its values: K, Pa, A, … or 1 for a fraction.</param>
/// <param name="DisplayUnit">The plant file's unit (degC, bar, %, …).</param>
/// <param name="Min">The lowest valid value, in <paramref name="Unit"/>.</param>
/// <param name="Max">The highest valid value, in <paramref name="Unit"/>.</param>
internal sealed record SensorDto(string Id, string Asset, string Quantity, string Unit, string DisplayUnit, double Min, double Max);

/// <summary>An MQTT publisher of the plant.</summary>
internal sealed record GatewayDto(string Id, string Name, IReadOnlyList<string> Lines);
