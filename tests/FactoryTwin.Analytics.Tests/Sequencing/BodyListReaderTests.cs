using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Analytics.Tests.Sequencing;

public sealed class BodyListReaderTests
{
    [Fact]
    public void Parse_HeaderInAnyOrder_ReadsBodiesInFileOrder()
    {
        var result = BodyListReader.Parse("# a day\ncolor,due,id,options\nRED,3,b1,sunroof+towbar\nBLUE,,b2,\n");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var bodies = result.Bodies!;
        Assert.Equal(["b1", "b2"], bodies.Select(b => b.Id));
        Assert.Equal(["sunroof", "towbar"], bodies[0].Options);
        Assert.Equal(3, bodies[0].DuePosition);
        Assert.Null(bodies[1].DuePosition);
        Assert.Empty(bodies[1].Options);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("id,paint\nb1,RED\n", 1, "must name the columns 'id' and 'colour'")]
    [InlineData("id,colour\n", 1, "no bodies")]
    [InlineData("id,colour\nb1,RED\nb1,BLUE\n", 3, "already used on line 2")]
    [InlineData("id,colour,due\nb1,RED,0\n", 2, "due of body 'b1' is '0'")]
    [InlineData("id,colour,due\nb1,RED,soon\n", 2, "due of body 'b1' is 'soon'")]
    [InlineData("id,colour\nb1\n", 2, "has 1 cells; the header has 2")]
    [InlineData("id,colour\nb1,\n", 2, "has no colour")]
    [InlineData("id,colour\n,RED\n", 2, "no id")]
    public void Parse_BadInput_NamesLineAndProblem(string text, int line, string message)
    {
        var result = BodyListReader.Parse(text, "day.csv");

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(line, error.Location.Line);
    }

    [Fact]
    public void Expand_Orders_GivesOneBodyPerUnitInOrder()
    {
        var bodies = SequencingOrder.Expand([new SequencingOrder("o1", "sedan", "RED", ["sunroof"], 2, 10), new SequencingOrder("o2", "suv", "BLUE", [], 1)]);

        Assert.Equal(["o1-1", "o1-2", "o2-1"], bodies.Select(b => b.Id));
        Assert.Equal([10, 10, null], bodies.Select(b => b.DuePosition));
        Assert.Equal(["sunroof"], bodies[1].Options);
    }

    [Fact]
    public void Expand_ZeroQuantity_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SequencingOrder.Expand([new SequencingOrder("o1", "sedan", "RED", [], 0)]));

        Assert.Contains("quantity 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuePositionOf_TwoHoursAtOneMinuteTakt_Is120()
    {
        var start = new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(120, SequencingOrder.DuePositionOf(start.AddHours(2), start, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, SequencingOrder.DuePositionOf(start.AddHours(-1), start, TimeSpan.FromMinutes(1)));
    }
}
