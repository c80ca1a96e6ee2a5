using FactoryTwin.Server.Mes;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactoryTwin.Server.Api;

/// <summary>Maps the REST API from <see cref="ApiCatalog"/>: each row's method, route and least role come from the table.</summary>
internal static class ApiRouteBuilderExtensions
{
    /// <summary>The rate-limiter policy of the API.</summary>
    public const string RateLimitPolicy = "api";

    public static IEndpointRouteBuilder MapFactoryTwinApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiCatalog.Prefix).RequireRateLimiting(RateLimitPolicy).WithTags("FactoryTwin");
        Map(api, ApiCatalog.Me, PlantEndpoints.Me);
        Map(api, ApiCatalog.Plant, PlantEndpoints.Plant);
        Map(api, ApiCatalog.Assets, PlantEndpoints.Assets);
        Map(api, ApiCatalog.Asset, PlantEndpoints.Asset);
        Map(api, ApiCatalog.States, PlantEndpoints.States);
        Map(api, ApiCatalog.AssetState, PlantEndpoints.AssetState);
        Map(api, ApiCatalog.History, HistoryEndpoints.Range);
        Map(api, ApiCatalog.HistoryBuckets, HistoryEndpoints.Buckets);
        Map(api, ApiCatalog.Kpis, TwinEndpoints.Kpis);
        Map(api, ApiCatalog.Alarms, TwinEndpoints.Alarms);
        Map(api, ApiCatalog.AlarmAcknowledge, TwinEndpoints.Acknowledge);
        Map(api, ApiCatalog.AlarmShelve, TwinEndpoints.Shelve);
        Map(api, ApiCatalog.Forecast, TwinEndpoints.Forecast);
        Map(api, ApiCatalog.ForecastRun, TwinEndpoints.RunForecast);
        Map(api, ApiCatalog.Settings, SettingsEndpoints.Get);
        Map(api, ApiCatalog.SettingsUpdate, SettingsEndpoints.Put);
        Map(api, ApiCatalog.OvenBodies, TwinEndpoints.OvenBodies);
        Map(api, ApiCatalog.OvenBody, TwinEndpoints.OvenBody);
        Map(api, ApiCatalog.Ingestion, AdminEndpoints.Ingestion);
        Map(api, ApiCatalog.PasswordChange, PasswordEndpoints.ChangeOwn).RequireRateLimiting(PasswordEndpoints.RateLimitPolicy);
        Map(api, ApiCatalog.Users, AdminEndpoints.Users);
        Map(api, ApiCatalog.UserCreate, AdminEndpoints.CreateUser);
        Map(api, ApiCatalog.UserDelete, AdminEndpoints.DeleteUser);
        Map(api, ApiCatalog.PasswordReset, PasswordEndpoints.Reset);
        Map(api, ApiCatalog.Tokens, AdminEndpoints.Tokens);
        Map(api, ApiCatalog.TokenCreate, AdminEndpoints.CreateToken);
        Map(api, ApiCatalog.TokenDelete, AdminEndpoints.DeleteToken);
        Map(api, ApiCatalog.Devices, AdminEndpoints.Devices);
        Map(api, ApiCatalog.DeviceCreate, AdminEndpoints.CreateDevice);
        Map(api, ApiCatalog.DeviceDelete, AdminEndpoints.DeleteDevice);
        Map(api, ApiCatalog.Audit, AdminEndpoints.Audit);
        Map(api, ApiCatalog.MesScheduleImport, MesEndpoints.ImportSchedule);
        Map(api, ApiCatalog.MesSchedule, MesEndpoints.Schedule);
        Map(api, ApiCatalog.MesScheduleSequence, MesEndpoints.SequenceSchedule);
        Map(api, ApiCatalog.MesPerformance, MesEndpoints.Performance);
        Map(api, ApiCatalog.MesSequence, SequencingEndpoints.Sequence);
        Map(api, ApiCatalog.WhatIfRun, AnalysisEndpoints.RunWhatIf);
        Map(api, ApiCatalog.WhatIfs, AnalysisEndpoints.WhatIfs);
        Map(api, ApiCatalog.WhatIf, AnalysisEndpoints.WhatIf);
        Map(api, ApiCatalog.BufferOptimization, AnalysisEndpoints.OptimizeBuffers);
        Map(api, ApiCatalog.BufferOptimizations, AnalysisEndpoints.BufferSearches);
        Map(api, ApiCatalog.FitRun, FitEndpoints.Run);
        Map(api, ApiCatalog.Fits, FitEndpoints.List);
        Map(api, ApiCatalog.Fit, FitEndpoints.One);
        return app;
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder api, ApiEndpoint endpoint, Delegate handler) =>
        api.MapMethods(endpoint.Route, [endpoint.Method], handler)
            .RequireAuthorization(Roles.Policy(endpoint.LeastRole))
            .WithSummary(endpoint.Summary)
            .WithMetadata(endpoint)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
