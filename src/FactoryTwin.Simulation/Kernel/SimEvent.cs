using System.Runtime.CompilerServices;

namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// A scheduled event: 24 bytes, no references. <see cref="Key"/> packs the kind (priority) in the top
/// 8 bits and a per-calendar insertion counter in the low 56 bits, so (Time, Key) is a strict total order.
/// </summary>
internal struct SimEvent
{
    /// <summary>The simulation time in seconds.</summary>
    public double Time;

    /// <summary>Kind in bits 56–63, insertion sequence in bits 0–55.</summary>
    public ulong Key;

    /// <summary>The element, machine or calendar the event is for.</summary>
    public int Target;

    /// <summary>Version stamp used to ignore cancelled events.</summary>
    public int Version;

    /// <summary>Gets the event kind.</summary>
    public readonly EventKind Kind => (EventKind)(Key >> 56);

    /// <summary>Whether <paramref name="a"/> runs before <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(in SimEvent a, in SimEvent b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);
}
