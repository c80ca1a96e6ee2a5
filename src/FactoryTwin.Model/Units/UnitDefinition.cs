namespace FactoryTwin.Model.Units;

/// <summary>A unit symbol: its factor to SI, its offset (°C, °F) and its dimension.</summary>
/// <param name="Symbol">The symbol as written.</param>
/// <param name="Scale">The factor that converts a value to SI.</param>
/// <param name="Offset">The offset added after scaling, for absolute temperatures only.</param>
/// <param name="Dimension">The dimension.</param>
internal readonly record struct UnitDefinition(string Symbol, double Scale, double Offset, Dimension Dimension);
