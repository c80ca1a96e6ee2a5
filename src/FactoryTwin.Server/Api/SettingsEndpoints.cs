using System.Globalization;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers of the run-time settings: read by anyone signed in, replaced by engineers.</summary>
internal static class SettingsEndpoints
{
    public static Ok<SettingsDto> Get(RuntimeSettingsStore settings) => TypedResults.Ok(ToDto(settings));

    public static Results<Ok<SettingsDto>, ProblemHttpResult> Put(
        RuntimeSettingsStore settings, PlantView plant, TimeProvider time, AuditLog audit, HttpContext context, SettingsRequest? request)
    {
        if (request is null)
        {
            return Problems.BadRequest("The body must be a JSON object with lineTargets, forecastIntervalSeconds and forecastReplications.");
        }

        if (request.ForecastIntervalSeconds is < RuntimeSettingsStore.MinForecastIntervalSeconds or > RuntimeSettingsStore.MaxForecastIntervalSeconds)
        {
            return Problems.BadRequest(
                $"forecastIntervalSeconds must be {RuntimeSettingsStore.MinForecastIntervalSeconds}–{RuntimeSettingsStore.MaxForecastIntervalSeconds}, not {request.ForecastIntervalSeconds}.");
        }

        if (request.ForecastReplications is < 1 or > RuntimeSettingsStore.MaxForecastReplications)
        {
            return Problems.BadRequest($"forecastReplications must be 1–{RuntimeSettingsStore.MaxForecastReplications}, not {request.ForecastReplications}.");
        }

        foreach (var (line, target) in request.LineTargets ?? new Dictionary<string, int>())
        {
            if (!plant.Model.Lines().Any(l => string.Equals(l.Id.Value, line, StringComparison.Ordinal)))
            {
                return Problems.BadRequest($"lineTargets.{line} names no line of the plant.");
            }

            if (target is < 0 or > RuntimeSettingsStore.MaxLineTarget)
            {
                return Problems.BadRequest($"lineTargets.{line} must be 0–{RuntimeSettingsStore.MaxLineTarget}, not {target}.");
            }
        }

        var actor = context.User.Identity?.Name;
        settings.Replace(new RuntimeSettingsDocument(
            request.LineTargets is { } targets ? new Dictionary<string, int>(targets, StringComparer.Ordinal) : null,
            request.ForecastIntervalSeconds,
            request.ForecastReplications,
            time.GetUtcNow(),
            actor));
        var dto = ToDto(settings);
        audit.Record("settings-changed", actor, Describe(dto), context);
        return TypedResults.Ok(dto);
    }

    private static SettingsDto ToDto(RuntimeSettingsStore settings)
    {
        var document = settings.Document;
        return new SettingsDto(
            settings.EffectiveLineTargets(),
            (int)Math.Round(settings.ForecastInterval.TotalSeconds),
            settings.ForecastReplications,
            document.Updated,
            document.UpdatedBy);
    }

    private static string Describe(SettingsDto dto) => string.Create(
        CultureInfo.InvariantCulture,
        $"forecastIntervalSeconds={dto.ForecastIntervalSeconds} forecastReplications={dto.ForecastReplications} lineTargets={string.Join(',', dto.LineTargets.Select(t => t.Key + ":" + t.Value.ToString(CultureInfo.InvariantCulture)))}");
}
