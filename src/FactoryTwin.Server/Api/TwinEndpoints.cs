using System.Security.Claims;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Settings;
using FactoryTwin.Twin.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers of the endpoints served by the live twin: KPIs, alarms, forecast, oven bodies.</summary>
internal static class TwinEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<LineTwinView>>, ProblemHttpResult>> Kpis(
        ITwinGateway twin, RuntimeSettingsStore settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {

        var lines = await twin.GetLinesAsync(cancellationToken);
        IReadOnlyList<LineTwinView> visible = [.. lines.Where(l => Principals.MaySee(user, l.Line)).Select(l => l with { ShiftTarget = settings.TargetOf(l.Line, l.ShiftTarget) })];
        return TypedResults.Ok(visible);
    }

    public static async Task<Results<Ok<Page<AlarmView>>, ProblemHttpResult>> Alarms(
        ITwinGateway twin, PlantView plant, IOptions<ServerOptions> options, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken cancellationToken)
    {

        var alarms = await twin.GetActiveAlarmsAsync(cancellationToken);
        var visible = alarms.Where(a => plant.AssetsById.TryGetValue(a.Asset, out var asset) && Principals.MaySee(user, asset.Line)).ToArray();
        var result = Paging.Cut(visible, page, pageSize, options.Value.MaxPageSize, out var problem);
        return result is null ? problem! : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> Acknowledge(
        ITwinGateway twin, PlantView plant, AuditLog audit, HttpContext context, string asset, string alarm, AcknowledgeRequest? request, CancellationToken cancellationToken)
    {
        if (CheckAlarm(twin, plant, context.User, asset) is { } problem)
        {
            return problem;
        }

        var result = await twin.AcknowledgeAsync(asset, alarm, context.User.Identity!.Name!, request?.Comment, cancellationToken);
        return Answer(result, audit, "alarm-acknowledged", asset, alarm, context);
    }

    public static async Task<Results<Ok<AlarmView>, ProblemHttpResult>> Shelve(
        ITwinGateway twin, PlantView plant, AuditLog audit, HttpContext context, string asset, string alarm, ShelveRequest? request, CancellationToken cancellationToken)
    {
        if (request is null || request.Minutes is < 1 or > 1440)
        {
            return Problems.BadRequest("minutes must be 1–1440.");
        }

        if (CheckAlarm(twin, plant, context.User, asset) is { } problem)
        {
            return problem;
        }

        var result = await twin.ShelveAsync(asset, alarm, context.User.Identity!.Name!, TimeSpan.FromMinutes(request.Minutes), request.Comment, cancellationToken);
        return Answer(result, audit, "alarm-shelved", asset, alarm, context);
    }

    public static Task<Results<Ok<ShiftForecastView>, ProblemHttpResult>> Forecast(ITwinGateway twin, HttpContext context, CancellationToken cancellationToken) =>
        ForecastAsync(twin, false, context, cancellationToken);

    public static Task<Results<Ok<ShiftForecastView>, ProblemHttpResult>> RunForecast(ITwinGateway twin, HttpContext context, CancellationToken cancellationToken) =>
        ForecastAsync(twin, true, context, cancellationToken);

    private static async Task<Results<Ok<ShiftForecastView>, ProblemHttpResult>> ForecastAsync(ITwinGateway twin, bool refresh, HttpContext context, CancellationToken cancellationToken)
    {
        var forecast = await twin.GetForecastAsync(refresh, cancellationToken);
        if (forecast is null)
        {
            // A read never waits for a forecast being made: say when to look again.
            context.Response.Headers.RetryAfter = "5";
            return Problems.Unavailable("No shift forecast yet: the first one is being made. Try again in a few seconds.");
        }

        return TypedResults.Ok(forecast);
    }

    public static async Task<Results<Ok<IReadOnlyList<TwinBody>>, ProblemHttpResult>> OvenBodies(
        ITwinGateway twin, PlantView plant, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (CheckOven(twin, plant, user, id) is { } problem)
        {
            return problem;
        }

        var view = await twin.GetAssetAsync(id, cancellationToken);
        IReadOnlyList<TwinBody> bodies = view.Bodies;
        return TypedResults.Ok(bodies);
    }

    public static async Task<Results<Ok<TwinBody>, ProblemHttpResult>> OvenBody(
        ITwinGateway twin, PlantView plant, ClaimsPrincipal user, string id, string body, CancellationToken cancellationToken)
    {
        if (CheckOven(twin, plant, user, id) is { } problem)
        {
            return problem;
        }

        var view = await twin.GetAssetAsync(id, cancellationToken);
        var found = view.Bodies.FirstOrDefault(b => string.Equals(b.PartId, body, StringComparison.Ordinal));
        return found is null ? Problems.NotFound($"There is no body '{body}' in oven '{id}'.") : TypedResults.Ok(found);
    }

    private static ProblemHttpResult? CheckAlarm(ITwinGateway twin, PlantView plant, ClaimsPrincipal user, string asset)
    {
        if (!plant.AssetsById.TryGetValue(asset, out var dto) || !Principals.MaySee(user, dto.Line))
        {
            return Problems.NotFound($"There is no asset '{asset}'.");
        }

        return null;
    }

    private static ProblemHttpResult? CheckOven(ITwinGateway twin, PlantView plant, ClaimsPrincipal user, string id)
    {
        if (!plant.AssetsById.TryGetValue(id, out var dto) || !string.Equals(dto.Kind, "oven", StringComparison.Ordinal) || !Principals.MaySee(user, dto.Line))
        {
            return Problems.NotFound($"There is no oven '{id}'.");
        }

        return null;
    }

    private static Results<Ok<AlarmView>, ProblemHttpResult> Answer(
        AlarmCommandResult result, AuditLog audit, string kind, string asset, string alarm, HttpContext context)
    {
        if (!result.Succeeded || result.Alarm is null)
        {
            return result.Alarm is null
                ? Problems.NotFound(result.Error ?? $"There is no alarm '{alarm}' on '{asset}'.")
                : Problems.Conflict(result.Error ?? "The alarm is not in a state that allows this.");
        }

        audit.Record(kind, context.User.Identity?.Name, asset + "/" + alarm, context);
        return TypedResults.Ok(result.Alarm);
    }
}
