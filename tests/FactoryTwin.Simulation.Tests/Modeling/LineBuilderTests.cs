using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Tests.Modeling;

public sealed class LineBuilderTests
{
    [Fact]
    public void AddStation_DuplicateName_Throws()
    {
        var b = new LineBuilder();
        b.AddStation("S", new StationOptions());
        Assert.Throws<ArgumentException>(() => b.AddStation("S", new StationOptions()));
    }

    [Fact]
    public void Build_ElementWithoutOutput_Throws()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        b.Connect(src, b.AddStation("S", new StationOptions()));
        Assert.Throws<InvalidOperationException>(b.Build);
    }

    [Fact]
    public void Build_SaturatedSourceIntoUnboundedBuffer_Throws()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var buf = b.AddBuffer("B", LineBuilder.Unbounded);
        b.Chain(src, buf, b.AddSink("out"));
        Assert.Throws<InvalidOperationException>(b.Build);
    }

    [Fact]
    public void Build_SplitByVariantMissingVariant_Throws()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { AttributeMixes = [[1, 1]] });
        var s = b.AddStation("S", new StationOptions());
        b.Connect(src, s);
        b.SplitByVariant(s, [b.AddSink("out")]);
        Assert.Throws<InvalidOperationException>(b.Build);
    }

    [Fact]
    public void Build_SourcesWithDifferentAttributes_CountsTheLongestMixOfEachAttribute()
    {
        var b = new LineBuilder();
        var a = b.AddSource("a", new SourceOptions { InterArrivalTime = Distribution.Constant(60), AttributeMixes = [[1, 1, 1]] });
        var c = b.AddSource("c", new SourceOptions { InterArrivalTime = Distribution.Constant(60), AttributeMixes = [[1], [1, 2], [5]] });
        var s = b.AddStation("S", new StationOptions());
        b.Connect(a, s).Connect(c, s).Connect(s, b.AddSink("out"));

        var model = b.Build();

        Assert.Equal([3, 2, 1], model.AttributeValueCounts);
        Assert.Equal(3, model.VariantCount);
    }

    [Fact]
    public void AddSource_MoreAttributesThanAPartCarries_Throws()
    {
        var b = new LineBuilder();

        Assert.Throws<ArgumentException>(() => b.AddSource("in", new SourceOptions { AttributeMixes = [[1], [1], [1], [1], [1]] }));
    }

    [Fact]
    public void AddStation_SetupOnAnAttributeAPartCannotCarry_Throws()
    {
        var b = new LineBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddStation("S", new StationOptions { Setup = new SetupOptions { Attribute = PartAttributes.MaxCount } }));
    }

    [Fact]
    public void Find_KnownName_ReturnsBuilderIndex()
    {
        var b = new LineBuilder();
        var src = b.AddSource("in");
        var s = b.AddStation("S", new StationOptions());
        b.Chain(src, s, b.AddSink("out"));
        var model = b.Build();
        Assert.Equal(s, model.Find("S"));
        Assert.Equal(ElementKind.Station, model.GetKind(s));
    }
}
