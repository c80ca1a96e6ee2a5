using System.Xml.Linq;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Schemas;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class ShiftPerformanceExporterTests : IDisposable
{
    private static readonly DateTimeOffset s_early = PartEvents.Monday6; // Monday 7 December 2026, 06:00 in Berlin
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-shift-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_EachShiftEnds_ItsDocumentIsWrittenAfterTheDelay_AndAFailedShiftDoesNotStopTheNext()
    {
        // Early 06–14, late 14–22 (automotive two-shift). The late shift's report fails; Tuesday's early one is written.
        var schedule = PerformanceCalculatorTests.Schedule(("A", "sedan", "white", 3, 30));
        var events = new PartEvents().Through("B0", "sedan", "white", 0).Through("B1", "sedan", "white", 5);
        var clock = new FakeTimeProvider(s_early.AddHours(7));
        var exporter = new ShiftPerformanceExporter(TestSupport.TestPlants.Automotive, _folder, TimeSpan.FromMinutes(2), clock, (shift, _) =>
            shift.Label.EndsWith("/late", StringComparison.Ordinal)
                ? throw new InvalidOperationException("historian unavailable")
                : Task.FromResult<PerformanceReport?>(PerformanceCalculator.Compute(TestSupport.TestPlants.Automotive, schedule, shift.From, shift.Until, events.All, [], new Dictionary<string, BodyQuality>(), shift.Label)));
        var exported = new List<(string Label, string Path)>();
        var failed = new List<string>();
        exporter.Exported += (shift, path) => { lock (exported) { exported.Add((shift.Label, path)); } };
        exporter.Failed += (shift, ex) => { lock (failed) { failed.Add($"{shift.Label}: {ex.Message}"); } };
        using var stop = new CancellationTokenSource();
        var run = exporter.RunAsync(stop.Token);

        clock.Advance(TimeSpan.FromMinutes(61)); // 14:01: the shift has ended, the delay has not passed
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Empty(exported);
        clock.Advance(TimeSpan.FromMinutes(2)); // 14:03
        await WaitAsync(() => exported.Count == 1);
        clock.Advance(TimeSpan.FromHours(8)); // 22:03
        await WaitAsync(() => failed.Count == 1);
        clock.Advance(TimeSpan.FromHours(16)); // Tuesday 14:03
        await WaitAsync(() => exported.Count == 2);
        await stop.CancelAsync();
        await run;

        Assert.Equal(["2026-12-07/early", "2026-12-08/early"], exported.Select(e => e.Label));
        Assert.Equal(["2026-12-07/late: historian unavailable"], failed);
        var first = XDocument.Load(exported[0].Path, LoadOptions.SetLineInfo);
        Assert.Empty(B2mmlValidator.Validate(first));
        Assert.Equal("performance-2026-12-07-early.xml", Path.GetFileName(exported[0].Path));
        Assert.Equal("2026-12-07T05:00:00Z", first.Root!.Element(XName.Get("StartTime", B2mmlSchemas.Namespace))!.Value);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task ExportAsync_NoSchedule_WritesNothingAndSaysSkipped()
    {
        var exporter = new ShiftPerformanceExporter(TestSupport.TestPlants.Automotive, _folder, TimeSpan.Zero, TimeProvider.System, (_, _) => Task.FromResult<PerformanceReport?>(null));
        var skipped = 0;
        exporter.Skipped += _ => skipped++;

        var path = await exporter.ExportAsync(new ShiftWindow(s_early, s_early.AddHours(8), "2026-12-07/early"), TestContext.Current.CancellationToken);

        Assert.Null(path);
        Assert.Equal(1, skipped);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (int i = 0; i < 200 && !done(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(25), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        Assert.True(done(), "the exporter did not get there");
    }
}
