using Orleans.Placement;

namespace FactoryTwin.Twin.Plants;

/// <summary>Marks a grain class placed by <see cref="SlotPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SlotPlacementAttribute : PlacementAttribute
{
    public SlotPlacementAttribute()
        : base(SlotPlacement.Instance)
    {
    }
}
