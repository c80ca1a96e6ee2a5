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

/// <summary>A sensor.</summary>
internal sealed record SensorDto(string Id, string Asset, string Unit, double Min, double Max);

/// <summary>An MQTT publisher of the plant.</summary>
internal sealed record GatewayDto(string Id, string Name, IReadOnlyList<string> Lines);
