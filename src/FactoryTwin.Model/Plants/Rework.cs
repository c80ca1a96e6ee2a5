using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>Parts that fail at a station go to a rework element; this declares a rework loop.</summary>
/// <param name="Probability">The probability that a part goes to rework.</param>
/// <param name="To">The rework element.</param>
public sealed record Rework(double Probability, AssetId To);
