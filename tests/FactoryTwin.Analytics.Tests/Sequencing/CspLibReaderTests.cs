using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Analytics.Tests.Sequencing;

public sealed class CspLibReaderTests
{
    private static string Dincbas => Path.Combine(AppContext.BaseDirectory, "Sequencing", "Resources", "dincbas.txt");

    [Fact]
    public void ReadFile_DincbasExample_ReadsCarsOptionsAndClasses()
    {
        var result = CspLibReader.ReadFile(Dincbas);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var instance = result.Instance!;
        Assert.Equal(10, instance.Cars);
        Assert.Equal([(1, 2), (2, 3), (1, 3), (2, 5), (1, 5)], instance.Ratios.Select(r => (r.P, r.Q)));
        Assert.Equal([1, 1, 2, 2, 2, 2], instance.Classes.Select(c => c.Count));
        Assert.Equal([true, false, true, true, false], instance.Classes[0].Options);
        Assert.Equal(10, instance.ToProblem().Bodies.Count);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("10 5\n", 1, "three numbers")]
    [InlineData("10 x 6\n", 1, "'x' is not a whole number")]
    [InlineData("3 1 1\n1\n2\n", 3, "ends after 3 lines")]
    [InlineData("3 1 1\n1 2\n2\n0 3 1\n", 2, "must hold 1 numbers; it holds 2")]
    [InlineData("3 1 1\n3\n2\n0 3 1\n", 2, "ratio 3/2")]
    [InlineData("3 1 1\n1\n2\n0 3 2\n", 4, "must be 0 or 1")]
    [InlineData("4 1 1\n1\n2\n0 3 1\n", 1, "announces 4 cars but the classes count 3")]
    [InlineData("3 1 2\n1\n2\n0 2 1\n0 1 0\n", 5, "listed again; it was first listed on line 4")]
    [InlineData("3 1 1\n1\n2\n0 3 1\n1 1 1\n", 5, "unexpected line")]
    [InlineData("3 1 1\n1\n2\n0 -3 1\n", 4, "must not be negative")]
    public void Parse_BadInput_NamesLineAndProblem(string text, int line, string message)
    {
        var result = CspLibReader.Parse(text, "bad.txt");

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(line, error.Location.Line);
        Assert.Equal("bad.txt", error.Location.File);
    }

    [Fact]
    public void ReadFile_Missing_ReportsFileError()
    {
        var result = CspLibReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "no-such-instance.txt"));

        Assert.False(result.Success);
        Assert.Contains("cannot read", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }
}
