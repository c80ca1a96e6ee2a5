using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Server.Mes;

namespace FactoryTwin.Cli.Commands;

/// <summary>The schedule inputs of <c>mes sequence</c>: a B2MML file (<c>--schedule</c>) or the data folder's active schedule (<c>--active</c>).</summary>
internal static partial class MesSequence
{
    private static int? ReadSchedule(Request request, OutputFormat format, TextWriter stdout, TextWriter stderr, out Input? input)
    {
        input = null;
        if (request.Schedule is { } path && !File.Exists(path))
        {
            stderr.WriteLine($"error: schedule file '{path}' does not exist. Pass a B2MML OperationsSchedule, e.g. samples/mes/automotive-schedule.xml.");
            return ExitCodes.Usage;
        }

        if (PlantFileInput.TryLoad(request.Plant, "sequence", stderr, stderr, out var model) is { } failed)
        {
            return failed;
        }

        ProductionSchedule schedule;
        string source;
        if (request.Schedule is { } file)
        {
            // Checked exactly as 'mes import --check' checks it: the schema, then the plant.
            ScheduleImportResult result;
            using (var stream = File.OpenRead(file))
            {
                result = ScheduleImporter.Import(stream, model!);
            }

            if (!result.Succeeded)
            {
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(stdout, new MesImportReport(file, false, null, null, 0, 0, [.. result.Problems.Select(p => new MesProblemDto(p.Line, p.Position, p.CodeName, p.Message))]));
                }

                foreach (var p in result.Problems)
                {
                    stderr.WriteLine($"{file}:{p}");
                }

                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file} was refused: {result.Problems.Count} problem(s). Nothing was sequenced."));
                return ExitCodes.Invalid;
            }

            schedule = result.Schedule!;
            source = file;
        }
        else
        {
            var store = new ScheduleStore(MesCommand.MesFolder(request.DataFolder), model!);
            if (store.Current is not { } current)
            {
                stderr.WriteLine(store.LoadResult is { } refused
                    ? $"error: the active schedule {store.FilePath} no longer fits the plant: {refused.Problems[0]}"
                    : $"error: {request.DataFolder} has no active schedule ({store.FilePath}); import one with 'factorytwin mes import <schedule.xml> --data-folder {request.DataFolder}', or pass --schedule <file.xml>.");
                return ExitCodes.Invalid;
            }

            schedule = current;
            source = store.FilePath;
        }

        PaintTakt takt;
        if (request.Takt is { } seconds)
        {
            takt = new PaintTakt(null, TimeSpan.FromSeconds(seconds), "--takt");
        }
        else if (ScheduleSequencing.PaintTaktOf(model!, out var why) is { } derived)
        {
            takt = derived;
        }
        else
        {
            stderr.WriteLine($"error: {request.Plant}: {why}; pass the paint line's seconds per body with --takt.");
            return ExitCodes.Usage;
        }

        if (ScheduleSequencing.TryToBodies(schedule, takt.Takt, out var bodies, out var start) is { } wrong)
        {
            stderr.WriteLine($"error: {source}: {wrong}");
            return ExitCodes.Invalid;
        }

        input = new Input(
            source,
            bodies,
            [],
            new MesSequenceSchedule(schedule.Id, schedule.Orders.Count, schedule.TotalQuantity, start, Math.Round(takt.Takt.TotalSeconds, 3), takt.Basis));
        return null;
    }

    private static void PrintSchedule(MesSequenceSchedule schedule, TextWriter stdout) =>
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Schedule '{schedule.Id}': {schedule.Orders} orders, {schedule.Bodies} bodies in schedule order (FCFS); position 1 at {schedule.Start.UtcDateTime:yyyy-MM-dd HH:mm}Z, one body every {schedule.TaktSeconds:0.#} s ({schedule.TaktBasis}) turns each order's due time into its due position."));
}
