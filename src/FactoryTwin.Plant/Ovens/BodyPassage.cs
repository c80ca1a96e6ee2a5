using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Ovens;

/// <summary>A body going through an oven.</summary>
/// <param name="BodyId">The body's id (body number).</param>
/// <param name="Style">Its body style, whose measurement points are predicted.</param>
/// <param name="EntryTime">When it enters the oven, in seconds on the prediction's time axis.</param>
public sealed record BodyPassage(string BodyId, BodyStyleId Style, double EntryTime);
