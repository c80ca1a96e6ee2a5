using FactoryTwin.Simulation.Kernel;

namespace FactoryTwin.Simulation.Tests.Kernel;

public sealed class ZigguratTablesTests
{
    [Fact]
    public void LayerArea_TailStart_MatchesMarsagliaTsang()
    {
        // V for 256 layers as printed by Marsaglia and Tsang (2000), to its 12 digits.
        Assert.Equal(4.92867323399e-3, ZigguratTables.LayerArea, 5e-14);
    }

    [Fact]
    public void Edges_EveryLayer_HasTheSameArea()
    {
        double[] x = ZigguratTables.Edges;
        double v = ZigguratTables.LayerArea;

        Assert.Equal(v, x[0] * ZigguratTables.Density(ZigguratTables.TailStart), v * 1e-12);
        for (int i = 1; i < ZigguratTables.LayerCount; i++)
        {
            double area = x[i] * (ZigguratTables.Density(x[i + 1]) - ZigguratTables.Density(x[i]));
            Assert.True(Math.Abs(area - v) < v * 1e-12, $"layer {i}: area {area}, expected {v}");
        }
    }

    [Fact]
    public void Edges_FromBaseToTop_DecreaseToZero()
    {
        double[] x = ZigguratTables.Edges;

        Assert.Equal(ZigguratTables.LayerCount + 1, x.Length);
        Assert.Equal(ZigguratTables.TailStart, x[1]);
        Assert.Equal(0.0, x[ZigguratTables.LayerCount]);
        for (int i = 0; i < ZigguratTables.LayerCount; i++)
        {
            Assert.True(x[i + 1] < x[i], $"edge {i + 1} = {x[i + 1]} is not below edge {i} = {x[i]}");
        }
    }

    [Fact]
    public void Layers_Bound_IsInnerEdgeOverOuterEdgeIn52Bits()
    {
        double[] x = ZigguratTables.Edges;
        for (int i = 0; i < ZigguratTables.LayerCount; i++)
        {
            ZigguratTables.Layer layer = ZigguratTables.Layers[i];
            double inner = (layer.Bound - 1) * layer.Width;
            double outer = layer.Bound * layer.Width;

            // The last magnitude accepted is inside xᵢ₊₁ and the first rejected one is not, to rounding (a point
            // within an ulp of xᵢ₊₁ is under the curve whichever path takes it).
            Assert.True(layer.Bound == 0 || inner <= x[i + 1] * (1 + 1e-15), $"layer {i}: {inner} > {x[i + 1]}");
            Assert.True(outer >= x[i + 1] * (1 - 1e-15), $"layer {i}: {outer} < {x[i + 1]}");
        }
    }
}
