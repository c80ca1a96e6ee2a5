using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Historian;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin mes import|export|sequence</c>: the ISA-95 / B2MML interface to the plant's MES on the command line. Import checks
/// an <c>OperationsSchedule</c> and makes it the active schedule of a data folder; export writes the
/// <c>OperationsPerformance</c> of a shift from that folder's historian.
/// </summary>
internal static class MesCommand
{
    private const string DefaultDataFolder = "./data";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("mes", "ISA-95 / B2MML V0700 exchange with the MES: import a production schedule, export shift performance, sequence the day's bodies through the paint shop.");
        command.Subcommands.Add(CreateImport(stdout, stderr));
        command.Subcommands.Add(CreateExport(stdout, stderr));
        command.Subcommands.Add(MesSequence.Create(stdout, stderr));
        return command;
    }

    internal static Option<string> PlantOption() => new("--plant", "-p") { Description = "The plant file the orders must fit.", DefaultValueFactory = _ => "samples/plants/automotive.yaml" };

    internal static Option<string> DataOption() => new("--data-folder", "-d") { Description = "The server's data folder: the schedule goes to its mes/ folder, the historian is read from it.", DefaultValueFactory = _ => DefaultDataFolder };

    private static Command CreateImport(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("schedule") { Description = "The B2MML V0700 OperationsSchedule (XML)." };
        var plant = PlantOption();
        var data = DataOption();
        var check = new Option<bool>("--check") { Description = "Only check the schedule; do not make it the active one." };
        var output = OutputOption.Create();
        var command = new Command("import", "Check a B2MML OperationsSchedule against the schema and the plant and make it the data folder's active schedule (all or nothing). Prints every problem with line:position. A running server reads it at its next start; use POST /api/v1/mes/schedule to change a running server's schedule. Exit code 0 imported, 1 refused, 2 usage.")
        {
            file, plant, data, check, output,
        };
        command.SetAction(parseResult => Import(
            parseResult.GetRequiredValue(file), parseResult.GetValue(plant)!, parseResult.GetValue(data)!, parseResult.GetValue(check), parseResult.GetValue(output), stdout, stderr));
        return command;
    }

    private static Command CreateExport(TextWriter stdout, TextWriter stderr)
    {
        var plant = PlantOption();
        var data = DataOption();
        var shift = new Option<string>("--shift", "-s") { Description = "current, previous or yyyy-MM-dd/{shift id} (the site's local date).", DefaultValueFactory = _ => "current" };
        var now = new Option<DateTimeOffset?>("--now") { Description = "The plant time to take as now (RFC 3339 with offset); default the clock." };
        var outFile = new Option<string?>("--out") { Description = "Write the document to this file instead of standard output." };
        var command = new Command("export", "Write the B2MML OperationsPerformance of a shift against the active schedule from the data folder's historian (stop the server first: the embedded historian is one process's file). Each body's cure verdict is the one its oven reported (stored in the historian); the twin's cure index and worst point, and its verdict for a body whose oven reports none, are known only to a running server (GET /api/v1/mes/performance). Exit code 0 written, 1 nothing to export, 2 usage.")
        {
            plant, data, shift, now, outFile,
        };
        command.SetAction((parseResult, cancellationToken) => ExportAsync(
            parseResult.GetValue(plant)!, parseResult.GetValue(data)!, parseResult.GetValue(shift), parseResult.GetValue(now), parseResult.GetValue(outFile), stdout, stderr, cancellationToken));
        return command;
    }

    public static int Import(string path, string plantPath, string dataFolder, bool checkOnly, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: schedule file '{path}' does not exist. Pass a B2MML OperationsSchedule, e.g. samples/mes/automotive-schedule.xml.");
            return ExitCodes.Usage;
        }

        if (PlantFileInput.TryLoad(plantPath, "import", format == OutputFormat.Json ? stderr : stdout, stderr, out var model) is { } failed)
        {
            return failed;
        }

        ScheduleImportResult result;
        using (var stream = File.OpenRead(path))
        {
            result = checkOnly ? ScheduleImporter.Import(stream, model!) : new ScheduleStore(MesFolder(dataFolder), model!).Import(stream);
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new MesImportReport(
                path,
                result.Succeeded,
                checkOnly ? null : Path.Combine(MesFolder(dataFolder), ScheduleStore.FileName),
                result.Schedule?.Id,
                result.Schedule?.Orders.Count ?? 0,
                result.Schedule?.TotalQuantity ?? 0,
                [.. result.Problems.Select(p => new MesProblemDto(p.Line, p.Position, p.CodeName, p.Message))]));
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Invalid;
        }

        foreach (var p in result.Problems)
        {
            stdout.WriteLine($"{path}:{p}");
        }

        if (!result.Succeeded)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} was refused: {result.Problems.Count} problem(s). Nothing was imported; the active schedule is unchanged."));
            return ExitCodes.Invalid;
        }

        var s = result.Schedule!;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: schedule '{s.Id}' with {s.Orders.Count} orders, {s.TotalQuantity} bodies, is valid for {model!.Site.Name}."));
        foreach (var o in s.Orders)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {o.Id,-12} {o.Quantity,5} × {o.Variant.Value} {o.Colour.Value}{(o.Options.Count > 0 ? " (" + string.Join(", ", o.Options.Items) + ")" : string.Empty)}  {o.EarliestStart:yyyy-MM-dd HH:mm}Z → due {o.Due:yyyy-MM-dd HH:mm}Z"));
        }

        stdout.WriteLine(checkOnly ? "Checked only (--check): nothing was stored." : $"Active schedule: {Path.Combine(MesFolder(dataFolder), ScheduleStore.FileName)}");
        return ExitCodes.Ok;
    }

    public static async Task<int> ExportAsync(string plantPath, string dataFolder, string? shift, DateTimeOffset? now, string? outFile, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (PlantFileInput.TryLoad(plantPath, "export", stderr, stderr, out var model) is { } failed)
        {
            return failed;
        }

        var store = new ScheduleStore(MesFolder(dataFolder), model!);
        if (store.Current is not { } schedule)
        {
            stderr.WriteLine(store.LoadResult is { } refused
                ? $"error: the active schedule {store.FilePath} no longer fits the plant: {refused.Problems[0]}"
                : $"error: {dataFolder} has no active schedule; import one with 'factorytwin mes import <schedule.xml> --data-folder {dataFolder}'.");
            return ExitCodes.Invalid;
        }

        var clock = now ?? TimeProvider.System.GetUtcNow();
        if (!ShiftWindow.TryResolve(model!, shift, clock, out var window, out var error))
        {
            stderr.WriteLine("error: " + error);
            return ExitCodes.Usage;
        }

        var historianFile = Path.Combine(dataFolder, HistorianOptions.DefaultFileName);
        if (!File.Exists(historianFile))
        {
            stderr.WriteLine($"error: {dataFolder} has no historian ({historianFile}).");
            return ExitCodes.Invalid;
        }

        var since = schedule.Orders.Items.Min(o => o.EarliestStart);
        IReadOnlyList<PartEvent> events;
        var states = new List<StationStateSpan>();
        try
        {
            await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = dataFolder });
            events = await historian.QueryPartEventsAsync(since < window!.From ? since : window.From, window.Until, null, cancellationToken);
            foreach (var station in model!.Lines().SelectMany(l => l.Stations))
            {
                foreach (var interval in await historian.QueryStateIntervalsAsync(SeriesId.Of(station.Id, SeriesId.StateChannel), window.From, window.Until, cancellationToken))
                {
                    states.Add(new StationStateSpan(station.Id, (StationState)(int)interval.State, interval.Start, interval.End));
                }
            }
        }
        catch (HistorianInUseException e)
        {
            stderr.WriteLine("error: " + e.Message + " The running server's export is GET /api/v1/mes/performance.");
            return ExitCodes.Invalid;
        }

        // The twin's cure verdicts of the bodies that left an oven, as the server kept them beside the schedule.
        var cureFile = new CureVerdictFile(MesFolder(dataFolder), int.MaxValue);
        var quality = cureFile.Load().ToDictionary(v => v.PartId, StringComparer.Ordinal);
        if (cureFile.Loaded is { Skipped: > 0 } skipped)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {skipped.Skipped} line(s) of {cureFile.FilePath} could not be read and were left out (the first: {skipped.FirstSkipped})"));
        }

        var report = PerformanceCalculator.Compute(model, schedule, window.From, window.Until, events, states, quality, window.Label);
        if (outFile is null)
        {
            var buffer = new MemoryStream();
            OperationsPerformanceWriter.Write(report, clock, buffer);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        else
        {
            using (var file = File.Create(outFile))
            {
                OperationsPerformanceWriter.Write(report, clock, file);
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{outFile}: shift {window.Label}, {report.Orders.Count} orders, {report.Orders.Sum(o => o.Segments.Sum(s => s.Produced))} bodies produced on lines, {report.Orders.Sum(o => o.Segments.Sum(s => s.Scrapped))} scrapped."));
        }

        return ExitCodes.Ok;
    }

    internal static string MesFolder(string dataFolder) => Path.Combine(dataFolder, "mes");
}
