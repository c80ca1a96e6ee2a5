using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A continuous curing oven: a conveyor through heated zones.</summary>
/// <param name="ConveyorSpeed">The conveyor speed, in metres per second.</param>
/// <param name="Pitch">The distance between bodies, in metres.</param>
/// <param name="PaintSystem">The paint system the oven cures.</param>
/// <param name="Zones">The zones in the order a body passes them.</param>
public sealed record Oven(double ConveyorSpeed, double Pitch, PaintSystemId PaintSystem, ValueList<OvenZone> Zones)
{
    /// <summary>
    /// Gets where bodies go whose predicted cure misses the paint's window (under-cured or over-baked), instead of on
    /// (a spot-repair station or the repaint queue), or <see langword="null"/> when the oven does not route by cure.
    /// </summary>
    public AssetId? CureRework { get; init; }

    /// <summary>Gets the total length, in metres: the sum of the zone lengths.</summary>
    public double Length
    {
        get
        {
            var sum = 0.0;
            foreach (var zone in Zones)
            {
                sum += zone.Length;
            }

            return sum;
        }
    }

    /// <summary>Gets the time a body spends in the oven, in seconds.</summary>
    public double TransitTime => Length / ConveyorSpeed;

    /// <summary>Gets the number of bodies in the oven at full load: ⌊length / pitch⌋.</summary>
    public int Capacity => Math.Max(1, (int)Math.Floor((Length / Pitch) + 1e-9));
}
