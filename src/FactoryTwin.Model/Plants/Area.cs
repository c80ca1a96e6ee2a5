using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>An area (shop) of the site: body shop, paint shop, final assembly.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Lines">The lines in the area.</param>
public sealed record Area(AreaId Id, string Name, ValueList<Line> Lines);
