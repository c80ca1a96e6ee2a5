using System.Security.Claims;
using System.Text;
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

/// <summary>Handlers of the MES endpoints: schedule in (B2MML <c>OperationsSchedule</c>), plan versus actual, performance out.</summary>
internal static class MesEndpoints
{
    public static async Task<Results<Ok<ScheduleImportedDto>, ProblemHttpResult>> ImportSchedule(
        ScheduleStore store, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
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
        MesReports reports, ScheduleStore store, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, PlantModel plant, ClaimsPrincipal user,
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

    /// <summary>The MES documents cover the whole plant, so only a user who sees every line gets them.</summary>
    private static ProblemHttpResult? Visibility(PlantModel plant, ClaimsPrincipal user) =>
        ScheduleProgressReader.SeesWholePlant(plant, user)
            ? null
            : TypedResults.Problem("The MES documents cover every line; this user may see only some.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
}
