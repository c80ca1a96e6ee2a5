namespace FactoryTwin.Telemetry.Validation;

/// <summary>A publisher and the lines it may publish for.</summary>
/// <param name="Id">The gateway id (its MQTT client id).</param>
/// <param name="Index">Its index, used by per-publisher state.</param>
/// <param name="AllowedLines">For each line index of <see cref="PlantCatalog"/>, whether it may publish for it.</param>
internal sealed record GatewayInfo(string Id, int Index, bool[] AllowedLines);
