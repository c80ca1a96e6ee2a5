using System.Globalization;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Statistics;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>Prints a plant simulation as tables, one JSON document or CSV rows.</summary>
internal static class SimulationReport
{
    public const string CsvHeader = "scope,line,name,kpi,mean,lower,upper,n";

    public static object Json(SimulateRequest request, PlantSimulation simulation, PlantSimulationResult result) => new
    {
        plant = request.Path,
        site = simulation.Plant.Site.Id.Value,
        seed = request.Seed,
        replications = result.Replications,
        warmUpSeconds = request.WarmUp,
        durationSeconds = request.Duration,
        start = StartText(simulation.StartWeekTime),
        confidence = 0.95,
        throughputPerHour = Dto(result.ThroughputPerHour),
        output = Dto(result.Output),
        leadTimeMeanSeconds = Dto(result.LeadTimeMean),
        leadTimeP90Seconds = Dto(result.LeadTimeP90),
        meanWip = Dto(result.MeanWip),
        bottleneck = BottleneckDto(result),
        lines = result.Lines.Select(l => new
        {
            id = l.Line.Value,
            name = l.Name,
            throughputPerHour = Dto(l.ThroughputPerHour),
            output = Dto(l.Output),
            plannedHours = l.PlannedHours,
            throughputPerPlannedHour = Dto(l.ThroughputPerPlannedHour),
            bottleneck = l.Bottleneck?.Value,
            stations = l.Stations.Select(s => new
            {
                id = s.Station.Value,
                name = s.Name,
                servers = s.Servers,
                oee = Dto(s.Oee),
                working = Dto(s.Working),
                settingUp = Dto(s.SettingUp),
                blocked = Dto(s.Blocked),
                starved = Dto(s.Starved),
                down = Dto(s.Down),
                offShift = Dto(s.OffShift),
                soleBottleneck = Dto(s.SoleBottleneck),
                shiftingBottleneck = Dto(s.ShiftingBottleneck),
                processed = Dto(s.Processed),
            }),
        }),
        approximations = simulation.Approximations,
    };

    public static void WriteCsv(TextWriter writer, PlantSimulation simulation, PlantSimulationResult result)
    {
        writer.WriteLine(CsvHeader);
        var site = simulation.Plant.Site.Id.Value;
        Row(writer, "plant", string.Empty, site, "throughput_per_hour", result.ThroughputPerHour);
        Row(writer, "plant", string.Empty, site, "output", result.Output);
        Row(writer, "plant", string.Empty, site, "lead_time_mean_s", result.LeadTimeMean);
        Row(writer, "plant", string.Empty, site, "lead_time_p90_s", result.LeadTimeP90);
        Row(writer, "plant", string.Empty, site, "wip", result.MeanWip);
        foreach (var l in result.Lines)
        {
            var line = l.Line.Value;
            Row(writer, "line", line, line, "throughput_per_hour", l.ThroughputPerHour);
            Row(writer, "line", line, line, "output", l.Output);
            Row(writer, "line", line, line, "throughput_per_planned_hour", l.ThroughputPerPlannedHour);
            foreach (var s in l.Stations)
            {
                var name = s.Station.Value;
                Row(writer, "station", line, name, "oee", s.Oee);
                Row(writer, "station", line, name, "working", s.Working);
                Row(writer, "station", line, name, "setting_up", s.SettingUp);
                Row(writer, "station", line, name, "blocked", s.Blocked);
                Row(writer, "station", line, name, "starved", s.Starved);
                Row(writer, "station", line, name, "down", s.Down);
                Row(writer, "station", line, name, "off_shift", s.OffShift);
                Row(writer, "station", line, name, "bottleneck_sole", s.SoleBottleneck);
                Row(writer, "station", line, name, "bottleneck_shifting", s.ShiftingBottleneck);
                Row(writer, "station", line, name, "processed", s.Processed);
            }
        }
    }

    public static void WriteText(IAnsiConsole console, SimulateRequest request, PlantSimulation simulation, PlantSimulationResult result)
    {
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Simulated {request.Path}: {result.Replications} replication(s) of {Hours(request.Duration)} after a {Hours(request.WarmUp)} warm-up from an empty plant, starting {StartText(simulation.StartWeekTime)}, seed {request.Seed}.")));
        console.MarkupLine("[grey]Figures are means over the replications with 95 % Student-t intervals.[/]");

        var plant = new Table().Border(TableBorder.Rounded).Title("Plant").AddColumn("KPI").AddColumn(new TableColumn("mean").RightAligned()).AddColumn(new TableColumn("95 % interval").RightAligned());
        plant.AddRow(Row("throughput (jobs/h)", result.ThroughputPerHour, 1));
        plant.AddRow(Row($"output (jobs in {Hours(request.Duration)})", result.Output, 0));
        plant.AddRow(Row("lead time mean (min)", Scale(result.LeadTimeMean, 1 / 60.0), 1));
        plant.AddRow(Row("lead time p90 (min)", Scale(result.LeadTimeP90, 1 / 60.0), 1));
        plant.AddRow(Row("WIP (jobs)", result.MeanWip, 1));
        console.Write(plant);

        var lines = new Table().Border(TableBorder.Rounded).Title("Lines")
            .AddColumn("line")
            .AddColumn(new TableColumn("throughput (jobs/h)").RightAligned())
            .AddColumn(new TableColumn("output").RightAligned())
            .AddColumn(new TableColumn("per on-shift hour").RightAligned())
            .AddColumn("bottleneck");
        foreach (var l in result.Lines)
        {
            lines.AddRow(
                Markup.Escape(l.Line.Value),
                Markup.Escape(Interval(l.ThroughputPerHour, 1)),
                Markup.Escape(Interval(l.Output, 0)),
                Markup.Escape(l.PlannedHours > 0 ? Interval(l.ThroughputPerPlannedHour, 1) : "–"),
                Markup.Escape(l.Bottleneck?.Value ?? "–"));
        }

        console.Write(lines);

        var stations = new Table().Border(TableBorder.Rounded).Title("Stations (fractions of the window)")
            .AddColumn("line").AddColumn("station").AddColumn(new TableColumn("OEE").RightAligned());
        foreach (var h in new[] { "working", "setup", "blocked", "starved", "down", "off shift", "bottleneck" })
        {
            stations.AddColumn(new TableColumn(h).RightAligned());
        }

        foreach (var l in result.Lines)
        {
            foreach (var s in l.Stations)
            {
                stations.AddRow(
                    Markup.Escape(l.Line.Value),
                    Markup.Escape(s.Station.Value),
                    Markup.Escape(Interval(s.Oee, 3)),
                    Pct(s.Working),
                    Pct(s.SettingUp),
                    Pct(s.Blocked),
                    Pct(s.Starved),
                    Pct(s.Down),
                    Pct(s.OffShift),
                    Percent(s.BottleneckShare));
            }
        }

        console.Write(stations);
        if (result.Bottleneck is { } b)
        {
            var s = result.Station(b);
            console.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"Bottleneck (active-period method): {b} — sole {Percent(s.SoleBottleneck.Mean)}, shifting {Percent(s.ShiftingBottleneck.Mean)} of the window.")));
        }
        else
        {
            console.MarkupLine("Bottleneck (active-period method): none (no station was active in the window).");
        }

        foreach (var note in simulation.Approximations)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }
    }

    internal static string StartText(double weekTime)
    {
        var day = (DayOfWeek)(((int)(weekTime / 86_400) + 1) % 7);
        var time = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(weekTime % 86_400));
        return string.Create(CultureInfo.InvariantCulture, $"{day} {time:HH\\:mm}");
    }

    private static object Dto(Estimate e) => new
    {
        mean = e.Mean,
        lower = e.Lower,
        upper = e.Upper,
        halfWidth = e.HalfWidth,
        n = e.Count,
    };

    private static object? BottleneckDto(PlantSimulationResult result)
    {
        if (result.Bottleneck is not { } b)
        {
            return null;
        }

        var s = result.Station(b);
        return new { station = b.Value, method = "active-period", sole = s.SoleBottleneck.Mean, shifting = s.ShiftingBottleneck.Mean };
    }

    private static void Row(TextWriter writer, string scope, string line, string name, string kpi, Estimate e)
    {
        writer.WriteLine(string.Join(
            ',',
            scope,
            Csv(line),
            Csv(name),
            kpi,
            Number(e.Mean),
            Number(e.Lower),
            Number(e.Upper),
            e.Count.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static Estimate Scale(Estimate e, double k) => e with { Mean = e.Mean * k, StandardDeviation = e.StandardDeviation * k, HalfWidth = e.HalfWidth * k };

    private static string[] Row(string kpi, Estimate e, int decimals) =>
        [Markup.Escape(kpi), Fixed(e.Mean, decimals), Markup.Escape(Bounds(e, decimals))];

    private static string Interval(Estimate e, int decimals) =>
        double.IsFinite(e.HalfWidth) ? $"{Fixed(e.Mean, decimals)} ± {Fixed(e.HalfWidth, decimals)}" : Fixed(e.Mean, decimals);

    private static string Bounds(Estimate e, int decimals) =>
        double.IsFinite(e.HalfWidth) ? $"[{Fixed(e.Lower, decimals)}, {Fixed(e.Upper, decimals)}]" : "– (one replication)";

    private static string Fixed(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Pct(Estimate e) => Percent(e.Mean);

    private static string Percent(double v) => v.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Hours(double seconds) =>
        seconds % 3600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0} h") : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min");
}
