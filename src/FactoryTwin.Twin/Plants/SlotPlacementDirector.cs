using Orleans.Runtime.Placement;

namespace FactoryTwin.Twin.Plants;

/// <summary>Chooses the silo of a new <see cref="SlotPlacement"/> activation: the grain's integer key mod the number of compatible silos.</summary>
internal sealed class SlotPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Every silo sorts the same membership the same way, so a slot's silo does not depend on who asks.
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}.");
        }

        long key = target.GrainIdentity.GetIntegerKey();
        return Task.FromResult(silos[(int)(((key % silos.Length) + silos.Length) % silos.Length)]);
    }
}
