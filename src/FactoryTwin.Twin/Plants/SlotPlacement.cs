namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Places a worker slot (a grain with an integer key) on silo key mod n of the n compatible silos in address order,
/// so that the k chunks of a job, sent to slots 0 … k − 1, are dealt out evenly over the silos (with 12 chunks and
/// 3 silos, 4 each), whatever the other grains on them. Only the first activation is placed: a slot stays where it
/// is until it is collected or its silo leaves, and is then placed again among the silos alive at that moment.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
internal sealed class SlotPlacement : PlacementStrategy
{
    /// <summary>Gets the one instance.</summary>
    internal static SlotPlacement Instance { get; } = new();
}
