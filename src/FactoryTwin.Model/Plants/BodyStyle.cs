using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A body style (sedan, SUV) and the points where its cure is judged.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Points">The measurement points, as a thermal profiler would place them.</param>
public sealed record BodyStyle(BodyStyleId Id, string Name, ValueList<MeasurementPoint> Points);
