using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A paint (e-coat, primer, clearcoat) and the window in which it cures.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Cure">The cure window.</param>
public sealed record PaintSystem(PaintSystemId Id, string Name, CureWindow Cure);
