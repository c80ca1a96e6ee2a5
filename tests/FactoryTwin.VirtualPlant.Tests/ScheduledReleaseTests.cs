using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Releases;
using FactoryTwin.VirtualPlant.Releases;
using FactoryTwin.VirtualPlant.Tests.TestSupport;

namespace FactoryTwin.VirtualPlant.Tests;

public sealed class ScheduledReleaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-schedule-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_WithASchedule_ReleasesItsOrdersInSequenceFromTheirStart_AndItsMixBeforeAndAfter()
    {
        // Body release every 60 s from 06:00 (the early shift). The schedule begins at 06:30: 10 white sedans and 5 black
        // SUVs from 06:30, 5 black sedans from 08:00, of which 2 were released before this run (a restart).
        var (summary, bodies, released) = await RunAsync(origin =>
        [
            new ReleaseOrder("A", new VariantId("sedan"), new ColourId("white"), 10, origin.AddMinutes(30)),
            new ReleaseOrder("B", new VariantId("suv"), new ColourId("black"), 5, origin.AddMinutes(30), new LineId("body")),
            new ReleaseOrder("C", new VariantId("sedan"), new ColourId("black"), 5, origin.AddHours(2), Released: 2),
        ]);

        Assert.True(summary.Drained);
        var ordered = bodies.Where(b => b.Order is not null).ToList();
        Assert.Equal([.. Enumerable.Repeat("A", 10), .. Enumerable.Repeat("B", 5), .. Enumerable.Repeat("C", 3)], ordered.Select(b => b.Order));
        Assert.All(ordered, b => Assert.Equal(b.Order switch { "A" => ("sedan", "white"), "B" => ("suv", "black"), _ => ("sedan", "black") }, (b.Variant, b.Colour)));

        // Nothing of the schedule before its start, nothing of C before 08:00; the mix before 06:30 and after the
        // schedule, none while the plant waits for C (06:45 to 08:00).
        Assert.All(ordered, b => Assert.True(b.Time >= (b.Order == "C" ? 7200 : 1800), $"{b.Body} of {b.Order} at {b.Time} s"));
        Assert.All(bodies.Where(b => b.Time < 1800), b => Assert.Null(b.Order));
        Assert.Contains(bodies, b => b.Time < 1800);
        var lastB = ordered.Last(b => b.Order == "B").Time;
        var firstC = ordered.First(b => b.Order == "C").Time;
        Assert.DoesNotContain(bodies, b => b.Time > lastB && b.Time < firstC);
        Assert.Equal(7200, firstC, 6);
        Assert.Contains(bodies, b => b.Time > firstC && b.Order is null);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 10, ["B"] = 5, ["C"] = 5 }, released);
    }

    [Fact]
    public async Task RunAsync_OrderPlannedOnAnotherLine_TheBodyLinesSourceRunsItsMix()
    {
        var (_, bodies, released) = await RunAsync(origin =>
            [new ReleaseOrder("P", new VariantId("sedan"), new ColourId("red"), 5, origin, new LineId("paint"))]);

        Assert.All(bodies, b => Assert.Null(b.Order));
        Assert.Equal(0, released["P"]);
    }

    private async Task<(VirtualPlantSummary Summary, List<(double Time, string Body, string? Order, string Variant, string Colour)> Bodies, IReadOnlyDictionary<string, int> Released)> RunAsync(
        Func<DateTimeOffset, ReleaseOrder[]> orders)
    {
        await using var broker = await TestBroker.LaunchAsync();
        var truthPath = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jsonl");
        var options = new VirtualPlantOptions
        {
            Speed = 0, Seed = 4, Duration = 3 * 3600, Port = broker.Port, GroundTruthFile = truthPath, StartTime = new TimeOnly(6, 0), StampPlantTime = true,
        };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
        emulator.UseSchedule(new ReleaseSchedule("S-1", [.. orders(emulator.ReplayOrigin!.Value)]));
        var summary = await emulator.RunAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var bodies = GroundTruth.Read(truthPath)
            .Where(e => e.Kind() == "part" && e.Str("asset") == "body-release" && e.Str("event") == "enter")
            .Select(e => (e.GetProperty("t").GetDouble(), e.Str("part"), e.TryGetProperty("order", out var o) ? o.GetString() : null, e.Str("variant"), e.Str("colour")))
            .ToList();
        return (summary, bodies, emulator.ReleasedByOrder);
    }
}
