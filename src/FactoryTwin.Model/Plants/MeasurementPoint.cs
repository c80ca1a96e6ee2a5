using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A point on a body where the metal temperature is predicted.</summary>
/// <param name="Id">The id, unique within its body style.</param>
/// <param name="Thickness">The metal thickness, in metres.</param>
/// <param name="Material">The metal.</param>
/// <param name="ExposureFactor">The share of the zone's heat-transfer coefficient that reaches this point (1 for a free outer panel, less in shadowed cavities), in (0, 1].</param>
public sealed record MeasurementPoint(PointId Id, double Thickness, MaterialId Material, double ExposureFactor);
