using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Tests.Ovens;

public class OvenProfileReaderTests
{
    [Fact]
    public void Parse_SecondsMinutesAndHours_AllRead()
    {
        var result = OvenProfileReader.Parse("# profiler export\ntime (s);T1;T2\r\n0;20.5;21\n01:30.5;80;60.25\n\n01:02:03;150;140\n", "p.csv");

        Assert.True(result.Success);
        var p = result.Profile!;
        Assert.Equal([0, 90.5, 3723], p.Times);
        Assert.Equal(["T1", "T2"], p.Columns.Select(c => c.Name));
        Assert.Equal(20.5 + 273.15, p.Columns[0].Temperatures[0], 9);
        Assert.Equal(140 + 273.15, p.Find("T2")!.Temperatures[2], 9);
    }

    [Theory]
    [InlineData("", 1, 1, DiagnosticCode.MissingField, "the profile is empty")]
    [InlineData("# only a comment\n\n", 1, 1, DiagnosticCode.MissingField, "the profile is empty")]
    [InlineData("time,T1,T2\n", 1, 1, DiagnosticCode.MissingField, "header but no samples")]
    [InlineData("time\n0\n", 1, 5, DiagnosticCode.MissingField, "no temperature column")]
    [InlineData("time,T1,T2\n0,20,20\n10,21\n", 3, 6, DiagnosticCode.MissingField, "row 3 has 2 cell(s) but the header has 3: column 3 ('T2') is missing")]
    [InlineData("time,T1,T2\n0,20,20\n10,2l.5,30\n", 3, 4, DiagnosticCode.InvalidValue, "row 3, column 2 ('T1'): '2l.5' is not a temperature in °C")]
    [InlineData("time,T1,T2\n0,20,20\n10,21,\n", 3, 7, DiagnosticCode.InvalidValue, "row 3, column 3 ('T2'): '' is not a temperature")]
    [InlineData("time,T1,T2\n0,20,20\n10,21,22\n10,22,23\n", 4, 1, DiagnosticCode.OutOfRange, "row 4, column 1 ('time'): time 10 (10 s) does not increase; the sample before is at 10 s")]
    [InlineData("time,T1,T2\n00:20,20,20\n00:10,21,22\n", 3, 1, DiagnosticCode.OutOfRange, "time 00:10 (10 s) does not increase; the sample before is at 20 s")]
    [InlineData("time,T1,T2\n0,20,20\n1:75,21,22\n", 3, 1, DiagnosticCode.InvalidValue, "'1:75' is not a time")]
    [InlineData("time,T1,T2\n0,20,20,5\n", 2, 9, DiagnosticCode.InvalidValue, "row 2 has 4 cells but the header names only 3 columns")]
    [InlineData("time,T1,T1\n0,20,20\n", 1, 9, DiagnosticCode.DuplicateId, "column 'T1' appears twice")]
    [InlineData("time,T1\n0,-300\n", 2, 3, DiagnosticCode.OutOfRange, "below absolute zero")]
    public void Parse_BadInput_NamesRowAndColumn(string text, int line, int column, DiagnosticCode code, string message)
    {
        var result = OvenProfileReader.Parse(text, "bad.csv");

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("bad.csv", line, column), d.Location);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEveryOne()
    {
        var result = OvenProfileReader.Parse("time,T1\n0,20\nx,21\n20,abc\n30,22\n", "bad.csv");

        Assert.Equal([3, 4], result.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void ReadFile_Missing_IsAFileErrorDiagnostic()
    {
        var result = OvenProfileReader.ReadFile(Path.Combine(Path.GetTempPath(), "factorytwin-no-such-profile.csv"));

        Assert.Equal(DiagnosticCode.FileError, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData("T1=panel,T2", 1, 10, "'T2' is not a probe=point pair")]
    [InlineData("T1=panel,\nT1=door", 2, 1, "probe 'T1' is mapped twice")]
    [InlineData("  ", 1, 1, "the probe map is empty")]
    public void ProbeMap_BadPairs_NameLineAndColumn(string text, int line, int column, string message)
    {
        var result = ProbeMap.Parse(text);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("--map", line, column), d.Location);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }
}
