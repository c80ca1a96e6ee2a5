using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Buffers;

/// <summary>One buffer's capacity in an allocation.</summary>
/// <param name="Buffer">The buffer's asset id.</param>
/// <param name="Capacity">Its capacity in parts (0: the buffer is removed).</param>
public readonly record struct BufferCapacity(AssetId Buffer, int Capacity);
