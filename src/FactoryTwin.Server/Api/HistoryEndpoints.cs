using System.Globalization;
using System.Security.Claims;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers of the history endpoints (range and bucketed queries of the historian).</summary>
internal static class HistoryEndpoints
{
    /// <summary>The most buckets one query may produce.</summary>
    public const int MaxBuckets = 100_000;

    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    public static async Task<Results<Ok<Page<SeriesPoint>>, ProblemHttpResult>> Range(
        IHistorian historian, PlantView plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, IOptions<ServerOptions> options, ClaimsPrincipal user,
        string? series, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Check(plant, time, user, series, from, to, out var since, out var until) is { } problem)
        {
            return problem;
        }

        var points = await historian.QueryRangeAsync(new SeriesId(series!), since, until, cancellationToken);
        var result = Paging.Cut(points, page, pageSize, options.Value.MaxPageSize, out var pageProblem);
        return result is null ? pageProblem! : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<IReadOnlyList<BucketAggregate>>, ProblemHttpResult>> Buckets(
        IHistorian historian, PlantView plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, ClaimsPrincipal user,
        string? series, DateTimeOffset? from, DateTimeOffset? to, double? bucketSeconds, CancellationToken cancellationToken)
    {
        if (Check(plant, time, user, series, from, to, out var since, out var until) is { } problem)
        {
            return problem;
        }

        // TimeSpan.FromSeconds overflows near 9.2e11 s; the documented range stays far below it.
        if (bucketSeconds is not { } seconds || !double.IsFinite(seconds) || seconds < ApiCatalog.MinBucketSeconds || seconds > ApiCatalog.MaxBucketSeconds)
        {
            return Problems.BadRequest(ApiCatalog.MustBe("bucketSeconds", bucketSeconds?.ToString("R", CultureInfo.InvariantCulture)));
        }

        var bucket = TimeSpan.FromSeconds(seconds);
        if ((until - since).Ticks / Math.Max(1, bucket.Ticks) > MaxBuckets)
        {
            return Problems.BadRequest($"The range holds more than {MaxBuckets} buckets of {seconds} s; use wider buckets.");
        }

        return TypedResults.Ok(await historian.QueryBucketsAsync(new SeriesId(series!), since, until, bucket, cancellationToken));
    }

    private static ProblemHttpResult? Check(
        PlantView plant, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, ClaimsPrincipal user, string? series, DateTimeOffset? from, DateTimeOffset? to,
        out DateTimeOffset since, out DateTimeOffset until)
    {
        until = to ?? time.GetUtcNow();
        since = from ?? (until - ApiCatalog.EarliestTime > DefaultWindow ? until - DefaultWindow : ApiCatalog.EarliestTime);
        if (from < ApiCatalog.EarliestTime)
        {
            return Problems.BadRequest(ApiCatalog.MustBe("from", from.Value.ToString("O", CultureInfo.InvariantCulture)));
        }

        if (to < ApiCatalog.EarliestTime)
        {
            return Problems.BadRequest(ApiCatalog.MustBe("to", to.Value.ToString("O", CultureInfo.InvariantCulture)));
        }

        if (string.IsNullOrEmpty(series))
        {
            return Problems.BadRequest("series is required: {asset}/{channel}, e.g. ecoat-oven/ecoat-oven-z1-air.");
        }

        var id = new SeriesId(series);
        var asset = id.Asset.Value;
        if (asset.Length == 0 || id.Channel.Length == 0)
        {
            return Problems.BadRequest($"series '{series}' must be {{asset}}/{{channel}}.");
        }

        if (!plant.AssetsById.TryGetValue(asset, out var dto) || !Principals.MaySee(user, dto.Line))
        {
            return Problems.NotFound($"There is no asset '{asset}'.");
        }

        if (until < since)
        {
            return Problems.BadRequest($"to ({until:O}) is before from ({since:O}).");
        }

        return null;
    }
}
