using System.Globalization;
using System.Security.Claims;
using System.Text;
using FactoryTwin.Analytics.Sequencing;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Mes;

/// <summary>Handlers of the MES endpoints: schedule in (B2MML <c>OperationsSchedule</c>), its paint sequence, plan versus actual, performance out.</summary>
internal static class MesEndpoints
{
    public static async Task<Results<Ok<ScheduleImportedDto>, ProblemHttpResult>> ImportSchedule(
        IScheduleStore store, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        // Read the body first (Kestrel refuses one over Server:MaxRequestBodyBytes with 413); the store then checks the
        // whole document before anything changes.
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var result = store.Import(body);
        if (!result.Succeeded)
        {
            var problems = result.Problems.Select(ScheduleProblemDto.From).ToList();
            return TypedResults.Problem(
                $"The schedule was refused: {problems.Count} problem(s); the first: {result.Problems[0]}. The active schedule is unchanged.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The schedule is invalid.",
                extensions: new Dictionary<string, object?> { ["problems"] = problems });
        }

        var schedule = result.Schedule!;
        audit.Record("mes-schedule-imported", context.User.Identity?.Name, schedule.Id, context);
        return TypedResults.Ok(new ScheduleImportedDto(schedule.Id, schedule.Orders.Count, schedule.TotalQuantity));
    }

    public static async Task<Results<Ok<ScheduleProgressDto>, ProblemHttpResult>> Schedule(
        ScheduleProgressReader progress, PlantModel plant, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Visibility(plant, user) is { } hidden)
        {
            return hidden;
        }

        return await progress.ReadAsync(cancellationToken) is { } schedule
            ? TypedResults.Ok(schedule)
            : Problems.NotFound("No schedule has been imported (POST /api/v1/mes/schedule or factorytwin mes import).");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Performance(
        MesReports reports, IScheduleStore store, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, PlantModel plant, ClaimsPrincipal user,
        string? shift, CancellationToken cancellationToken)
    {
        if (Visibility(plant, user) is { } hidden)
        {
            return hidden;
        }

        var now = time.GetUtcNow();
        if (!ShiftWindow.TryResolve(plant, shift, now, out var window, out var error))
        {
            return Problems.BadRequest(error!);
        }

        if (store.Current is null)
        {
            return Problems.NotFound("No schedule has been imported (POST /api/v1/mes/schedule or factorytwin mes import).");
        }

        var report = await reports.ComputeAsync(window!.From, window.Until, window.Label, cancellationToken);
        var output = new MemoryStream();
        OperationsPerformanceWriter.Write(report!, now, output);
        return TypedResults.Text(Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length), "application/xml", Encoding.UTF8);
    }

    public static Results<Ok<ScheduleSequenceView>, ProblemHttpResult> SequenceSchedule(
        IScheduleStore store, PlantModel plant, ClaimsPrincipal user, ScheduleSequenceRequest? request, CancellationToken cancellationToken)
    {
        if (Visibility(plant, user) is { } hidden)
        {
            return hidden;
        }

        if (store.Current is not { } schedule)
        {
            return store.LoadResult is { } refused
                ? Problems.Conflict($"The stored schedule ({store.Location}) no longer fits the plant ({refused.Problems[0]}); import a schedule that does (POST /api/v1/mes/schedule).")
                : Problems.NotFound("No schedule has been imported (POST /api/v1/mes/schedule or factorytwin mes import); there is nothing to sequence.");
        }

        request ??= new ScheduleSequenceRequest(null, null, null, null);
        PaintTakt takt;
        if (request.TaktSeconds is { } seconds)
        {
            if (!(seconds >= ScheduleSequencing.MinTaktSeconds && seconds <= ScheduleSequencing.MaxTaktSeconds))
            {
                return Problems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"taktSeconds must be {ScheduleSequencing.MinTaktSeconds} to {ScheduleSequencing.MaxTaktSeconds}, not {seconds}."));
            }

            takt = new PaintTakt(null, TimeSpan.FromSeconds(seconds), "taktSeconds");
        }
        else if (ScheduleSequencing.PaintTaktOf(plant, out var why) is { } derived)
        {
            takt = derived;
        }
        else
        {
            return Problems.BadRequest($"{why}; give the paint line's seconds per body as taktSeconds.");
        }

        if (SequencingEndpoints.ToRules(request.Rules, out var rules) is { } badRules)
        {
            return Problems.BadRequest(badRules);
        }

        if (SequencingEndpoints.ToOptions(request.TimeLimitSeconds, request.Workers, out var options) is { } badOptions)
        {
            return Problems.BadRequest(badOptions);
        }

        if (ScheduleSequencing.TryToBodies(schedule, takt.Takt, out var bodies, out var start) is { } cannot)
        {
            return Problems.Conflict(cannot);
        }

        var problem = new SequencingProblem(bodies, rules!);
        if (problem.Validate() is { Count: > 0 } errors)
        {
            return Problems.BadRequest(string.Join(" ", errors));
        }

        var result = PaintSequencer.Sequence(problem, options!, cancellationToken: cancellationToken);
        return TypedResults.Ok(new ScheduleSequenceView(
            schedule.Id, schedule.Orders.Count, schedule.TotalQuantity, start, Math.Round(takt.Takt.TotalSeconds, 3), takt.Basis, SequenceView.From(result)));
    }

    /// <summary>The MES documents cover the whole plant, so only a user who sees every line gets them.</summary>
    private static ProblemHttpResult? Visibility(PlantModel plant, ClaimsPrincipal user) =>
        ScheduleProgressReader.SeesWholePlant(plant, user)
            ? null
            : TypedResults.Problem("The MES documents cover every line; this user may see only some.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
}
