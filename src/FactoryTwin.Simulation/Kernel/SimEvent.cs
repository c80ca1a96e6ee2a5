using System.Runtime.CompilerServices;

namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// A scheduled event: 16 bytes, no references. <see cref="Key"/> packs the kind (priority) in the top
/// 4 bits, a per-calendar insertion counter in the next 42 bits and the target in the low 18 bits, so
/// (Time, Key) is a strict total order: time, then kind, then insertion order. The key is also the
/// event's identity: a machine remembers the key of its live phase event, and an event whose key no
/// longer matches is a cancelled one.
/// </summary>
internal struct SimEvent
{
    /// <summary>Bits of the target field.</summary>
    public const int TargetBits = 18;

    /// <summary>Bits of the insertion counter.</summary>
    public const int SequenceBits = 42;

    /// <summary>The largest target an event can carry.</summary>
    public const int MaxTarget = (1 << TargetBits) - 1;

    /// <summary>The simulation time in seconds.</summary>
    public double Time;

    /// <summary>Kind in bits 60–63, insertion sequence in bits 18–59, target in bits 0–17.</summary>
    public ulong Key;

    /// <summary>Gets the event kind.</summary>
    public readonly EventKind Kind => (EventKind)(Key >> (TargetBits + SequenceBits));

    /// <summary>Gets the element, machine or calendar the event is for.</summary>
    public readonly int Target => (int)(Key & MaxTarget);

    /// <summary>Whether <paramref name="a"/> runs before <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(in SimEvent a, in SimEvent b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);
}
