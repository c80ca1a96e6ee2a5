using System.Security.Claims;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Api;

/// <summary>Handlers of the plant, asset and live-state endpoints.</summary>
internal static class PlantEndpoints
{
    public static Ok<MeDto> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeDto(
            user.Identity?.Name ?? "",
            Roles.Of(user) is { } role ? Roles.Name(role) : "",
            user.FindAll(Roles.LineClaimType).Select(c => c.Value).ToArray()));

    public static Ok<PlantDto> Plant(PlantView plant) => TypedResults.Ok(plant.Dto);

    public static Results<Ok<Page<AssetDto>>, ProblemHttpResult> Assets(
        PlantView plant, IOptions<ServerOptions> options, ClaimsPrincipal user, string? line, string? kind, int? page, int? pageSize)
    {
        if (line is not null && !plant.Dto.Areas.Any(a => a.Lines.Any(l => string.Equals(l.Id, line, StringComparison.Ordinal))))
        {
            return Problems.NotFound($"There is no line '{line}'.");
        }

        var items = plant.Assets
            .Where(a => Principals.MaySee(user, a.Line))
            .Where(a => line is null || string.Equals(a.Line, line, StringComparison.Ordinal))
            .Where(a => kind is null || string.Equals(a.Kind, kind, StringComparison.Ordinal))
            .ToArray();
        var result = Paging.Cut(items, page, pageSize, options.Value.MaxPageSize, out var problem);
        return result is null ? problem! : TypedResults.Ok(result);
    }

    public static Results<Ok<AssetDetailDto>, ProblemHttpResult> Asset(PlantView plant, ClaimsPrincipal user, string id)
    {
        if (!plant.AssetsById.TryGetValue(id, out var asset) || !Principals.MaySee(user, asset.Line))
        {
            return Problems.NotFound($"There is no asset '{id}'.");
        }

        return TypedResults.Ok(new AssetDetailDto(asset, plant.SensorsByAsset.GetValueOrDefault(id) ?? []));
    }

    public static async Task<Results<Ok<IReadOnlyList<AssetState>>, ProblemHttpResult>> States(
        LiveStateReader reader, PlantView plant, ClaimsPrincipal user, string? line, CancellationToken cancellationToken)
    {
        if (line is not null && !plant.Dto.Areas.Any(a => a.Lines.Any(l => string.Equals(l.Id, line, StringComparison.Ordinal))))
        {
            return Problems.NotFound($"There is no line '{line}'.");
        }

        var states = await reader.ReadAsync(cancellationToken);
        IReadOnlyList<AssetState> visible = states
            .Where(s => Principals.MaySee(user, s.Line) && (line is null || string.Equals(s.Line, line, StringComparison.Ordinal)))
            .ToArray();
        return TypedResults.Ok(visible);
    }

    public static async Task<Results<Ok<AssetState>, ProblemHttpResult>> AssetState(
        LiveStateReader reader, PlantView plant, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (!plant.AssetsById.TryGetValue(id, out var asset) || !Principals.MaySee(user, asset.Line))
        {
            return Problems.NotFound($"There is no asset '{id}'.");
        }

        var states = await reader.ReadAsync(cancellationToken);
        var state = states.FirstOrDefault(s => string.Equals(s.Asset, id, StringComparison.Ordinal))
            ?? new AssetState(id, asset.Line, new Dictionary<string, ChannelValue>());
        return TypedResults.Ok(state);
    }
}
