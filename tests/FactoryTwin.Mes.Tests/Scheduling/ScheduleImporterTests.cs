using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Ids;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests.Scheduling;

public sealed class ScheduleImporterTests
{
    [Fact]
    public void Import_AutomotiveSample_ReadsEveryOrderInSequence()
    {
        var result = Schedules.Import(Schedules.SampleText);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var schedule = result.Schedule!;
        Assert.Equal("LAK-2026-12-07-EARLY", schedule.Id);
        Assert.Equal(8, schedule.Orders.Count);
        Assert.Equal(340, schedule.TotalQuantity);
        var first = schedule.Orders[0];
        Assert.Equal("LAK-1001", first.Id);
        Assert.Equal(new VariantId("sedan"), first.Variant);
        Assert.Equal(new ColourId("white"), first.Colour);
        Assert.Equal(60, first.Quantity);
        Assert.Equal(["sunroof"], first.Options.Items);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), first.EarliestStart);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 30, 0, TimeSpan.Zero), first.Due);
        Assert.Equal(new LineId("body"), first.Line);
        Assert.Equal(1, first.Priority);
        Assert.Equal(["sunroof", "sport-package"], schedule.Orders[4].Options.Items);
    }

    [Fact]
    public void Import_UnknownColour_ReportsLineAndPositionAndKnownColours()
    {
        var result = Schedules.Import(Schedules.One(colour: "purple"));

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Schedule);
        Assert.Equal(ScheduleProblemCode.UnknownColour, problem.Code);
        Assert.Equal(14, problem.Line);
        Assert.True(problem.Position > 0);
        Assert.Contains("'purple'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("white", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("14:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown-colour", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Import_QuantityNotAPositiveWholeNumber_IsRefused(string quantity)
    {
        var result = Schedules.Import(Schedules.One(quantity: quantity));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.InvalidQuantity, problem.Code);
        Assert.Equal(13, problem.Line);
        Assert.Contains($"'{quantity}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownVariantAndLine_ReportsBoth()
    {
        var result = Schedules.Import(Schedules.One(variant: "roadster", line: "moon-base"));

        Assert.Equal([ScheduleProblemCode.UnknownLine, ScheduleProblemCode.UnknownVariant], result.Problems.Select(p => p.Code));
        Assert.Equal([9, 11], result.Problems.Select(p => p.Line));
        Assert.Contains("sedan, suv", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SchemaViolation_ReportsTheSchemaErrorWithLine()
    {
        var xml = Schedules.One().Replace("<ID>ORD-1</ID>", "<ID>ORD-1</ID><Colour>white</Colour>", StringComparison.Ordinal);

        var result = Schedules.Import(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.SchemaViolation, problem.Code);
        Assert.Equal(5, problem.Line);
        Assert.Contains("Colour", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SchemaInvalidTime_ReportsSchemaViolation()
    {
        var result = Schedules.Import(Schedules.One(start: "monday morning"));

        Assert.Contains(result.Problems, p => p.Code == ScheduleProblemCode.SchemaViolation && p.Line == 6);
        Assert.Null(result.Schedule);
    }

    [Fact]
    public void Import_MalformedXml_ReportsLineAndPosition()
    {
        var xml = Schedules.One().Replace("</OperationsRequest>", "</OperationRequest>", StringComparison.Ordinal);

        var result = Schedules.Import(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.MalformedXml, problem.Code);
        Assert.Equal(17, problem.Line);
        Assert.True(problem.Position > 0);
    }

    [Fact]
    public void Import_DocumentTypeDeclaration_IsRefused()
    {
        var xml = Schedules.One().Replace("<OperationsSchedule ", "<!DOCTYPE OperationsSchedule [<!ENTITY x \"y\">]><OperationsSchedule ", StringComparison.Ordinal);

        var result = Schedules.Import(xml);

        Assert.Equal(ScheduleProblemCode.MalformedXml, Assert.Single(result.Problems).Code);
        Assert.Contains("DTD", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FiftyMegabyteDocument_IsRefusedBeforeItIsReadToTheEnd()
    {
        var huge = new Schedules.Huge(50L * 1024 * 1024);

        var result = ScheduleImporter.Import(huge, TestPlants.Automotive);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.DocumentTooLarge, problem.Code);
        Assert.Contains("8 MiB", problem.Message, StringComparison.Ordinal);
        Assert.True(huge.BytesRead < 10L * 1024 * 1024, $"read {huge.BytesRead} bytes");
    }

    [Fact]
    public void Import_AnotherB2mmlDocument_IsNotASchedule()
    {
        var xml = """<OperationsPerformance xmlns="http://www.mesa.org/xml/B2MML"><ID>x</ID></OperationsPerformance>""";

        var result = Schedules.Import(xml);

        Assert.Equal(ScheduleProblemCode.NotASchedule, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_ElementOutsideTheB2mmlNamespace_IsNotASchedule()
    {
        var result = Schedules.Import("<OperationsSchedule><ID>x</ID></OperationsSchedule>");

        Assert.Equal(ScheduleProblemCode.NotASchedule, result.Problems[0].Code);
        Assert.Null(result.Schedule);
    }

    [Fact]
    public void Import_DuplicateOrderId_IsRefused()
    {
        var one = Schedules.One();
        var request = one[one.IndexOf("  <OperationsRequest>", StringComparison.Ordinal)..(one.IndexOf("</OperationsRequest>", StringComparison.Ordinal) + "</OperationsRequest>".Length)];
        var xml = one.Replace(request, request + "\n" + request, StringComparison.Ordinal);

        var result = Schedules.Import(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.DuplicateOrder, problem.Code);
        Assert.Contains("ORD-1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TimeWithoutOffset_IsRefused()
    {
        var result = Schedules.Import(Schedules.One(start: "2026-12-07T06:00:00"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ScheduleProblemCode.InvalidTime, problem.Code);
        Assert.Contains("UTC offset", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DueBeforeStart_IsRefused()
    {
        var result = Schedules.Import(Schedules.One(start: "2026-12-07T10:00:00Z", due: "2026-12-07T09:00:00Z"));

        Assert.Equal(ScheduleProblemCode.InvalidTime, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Import_SeveralBadOrders_ReportsEveryProblemInDocumentOrder()
    {
        var sample = Schedules.SampleText
            .Replace("<ValueString>grey</ValueString>", "<ValueString>gray</ValueString>", StringComparison.Ordinal)
            .Replace("<QuantityString>25</QuantityString>", "<QuantityString>-25</QuantityString>", StringComparison.Ordinal);

        var result = Schedules.Import(sample);

        Assert.Null(result.Schedule);
        Assert.Equal([ScheduleProblemCode.UnknownColour, ScheduleProblemCode.InvalidQuantity], result.Problems.Select(p => p.Code));
        Assert.True(result.Problems[0].Line < result.Problems[1].Line);
    }
}
