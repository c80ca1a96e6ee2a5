using System.Globalization;
using FactoryTwin.Model.Plants;
using FactoryTwin.VirtualPlant;

namespace FactoryTwin.Cli.Commands;

/// <summary>The final summary of <c>emulate</c>, as text or as the <c>--output json</c> document.</summary>
internal sealed record EmulateReport(
    string Plant,
    string Site,
    string Speed,
    ulong Seed,
    string Broker,
    double SimulatedSeconds,
    double WallSeconds,
    long Messages,
    long Published,
    long PointsPublished,
    long Dropped,
    long Refused,
    long Buffered,
    double MessagesPerSecond,
    double PointsPerSecond,
    int Disturbances,
    long GroundTruthEvents,
    bool Drained,
    IReadOnlyList<EmulateReport.Gateway> Gateways)
{
    public static EmulateReport Of(EmulateRequest request, PlantModel plant, VirtualPlantSummary summary)
    {
        var s = summary.Status;
        return new EmulateReport(
            request.Path,
            plant.Site.Id.Value,
            SpeedText(request.Speed),
            request.Seed,
            string.Create(CultureInfo.InvariantCulture, $"mqtt://{request.Host}:{request.Port}"),
            s.SimulatedSeconds,
            Math.Round(summary.WallSeconds, 3),
            s.Messages,
            s.Published,
            s.PointsPublished,
            s.Dropped,
            s.Refused,
            s.Buffered,
            Math.Round(summary.MessagesPerSecond, 1),
            Math.Round(summary.PointsPerSecond, 1),
            summary.Disturbances,
            summary.GroundTruthEvents,
            summary.Drained,
            [.. s.Gateways.Select(g => new Gateway(g.Gateway.Value, g.Connection.ToString().ToLowerInvariant(), g.Messages, g.Published, g.PointsPublished, g.Dropped, g.Reconnects))]);
    }

    public static void WriteText(TextWriter writer, EmulateRequest request, PlantModel plant, VirtualPlantSummary summary)
    {
        var r = Of(request, plant, summary);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Virtual plant {r.Site} ({r.Plant}) at {r.Speed}, seed {r.Seed}, broker {r.Broker}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  simulated {TimeSpan.FromSeconds(r.SimulatedSeconds):c} in {r.WallSeconds:F1} s wall time; {r.Disturbances} disturbance(s)"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  messages: {r.Messages} created, {r.Published} published, {r.Dropped} dropped, {r.Refused} refused, {r.Buffered} unpublished"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rate: {r.MessagesPerSecond:F0} messages/s, {r.PointsPerSecond:F0} points/s"));
        foreach (var g in r.Gateways)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g.Id}: {g.Published}/{g.Messages} published, {g.Points} points, {g.Dropped} dropped, {g.Reconnects} reconnect(s), {g.Connection}"));
        }

        if (request.GroundTruthPath is { } path)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ground truth: {r.GroundTruthEvents} events in {path}"));
        }

        if (!r.Drained)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Buffered} message(s) could not be published before the end (is the broker at {r.Broker} running?)."));
        }
    }

    private static string SpeedText(double speed) => speed > 0 ? speed.ToString(CultureInfo.InvariantCulture) + "x" : "max";

    /// <summary>One gateway's counters.</summary>
    internal sealed record Gateway(string Id, string Connection, long Messages, long Published, long Points, long Dropped, long Reconnects);
}
