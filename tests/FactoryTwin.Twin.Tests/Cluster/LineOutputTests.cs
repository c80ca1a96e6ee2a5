using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>
/// The paint line's output: its inspection hands good bodies to the assembly line's painted body store and sends the
/// others back to spot repair on its own line, which returns them to inspection. Only the bodies that go on count.
/// </summary>
public sealed class LineOutputTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-line-output-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(T0.AddHours(2));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Inspection_SendsABodyToSpotRepair_ItIsOutputOnceWhenItFinallyLeaves()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = await TwinSilo.StartAsync(1, _folder, _time, TestPlants.Automotive);
        try
        {
            var paint = cluster.Client.GetGrain<ILineTwinGrain>("paint");
            TwinPartEvent Part(string asset, double minutes, bool exit, string body) => new(asset, T0.AddMinutes(minutes), exit, body, "sedan", "white");

            // R: in at 0, inspection → spot repair at 60, back to inspection at 75, out to assembly at 77.
            // G: in at 10, out at 70. S: in at 20, its last event leaving inspection at 80.
            await paint.ApplyPartsAsync(
            [
                Part("pretreatment", 0, false, "R"), Part("pretreatment", 10, false, "G"), Part("pretreatment", 20, false, "S"),
                Part("inspection", 60, true, "R"), Part("spot-repair", 60, false, "R"),
                Part("inspection", 70, true, "G"),
                Part("spot-repair", 75, true, "R"), Part("inspection", 75, false, "R"),
                Part("inspection", 77, true, "R"),
                Part("inspection", 80, true, "S"),
            ], ct);
            var view = await paint.GetViewAsync(ct);

            Assert.Equal(3, view.OutputShift);
            Assert.Equal(0, view.Wip);
            Assert.Equal((77 + 60 + 60) * 60 / 3.0, view.MeanLeadTimeSeconds, 6);
            Assert.Equal(3, view.ThroughputLastHour); // at 70, 77 and 80 minutes: within the hour before now (120)
        }
        finally
        {
            await cluster.StopAllSilosAsync(ct);
            await cluster.DisposeAsync();
        }
    }
}
