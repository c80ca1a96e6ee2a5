using System.Runtime.CompilerServices;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>The attribute values of one part, inline in its <see cref="PartRecord"/> (8 bytes, so the record stays 24).</summary>
[InlineArray(PartAttributes.MaxCount)]
internal struct PartAttributeValues
{
    private ushort _value;
}
