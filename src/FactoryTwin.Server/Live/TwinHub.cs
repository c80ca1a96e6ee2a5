using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FactoryTwin.Server.Live;

/// <summary>
/// The live push hub (<c>/hubs/twin</c>). A connection joins one group per line its user may see, and the
/// <see cref="LivePushService"/> sends <c>state</c> (an asset's twin view), <c>kpis</c> (a line's KPIs) and
/// <c>alarms</c> (a line's active alarms) to those groups; <c>forecast</c> goes to users who see every line.
/// </summary>
[Authorize(Policy = "at-least-viewer")]
internal sealed class TwinHub : Hub
{
    /// <summary>The path of the hub.</summary>
    public const string Path = "/hubs/twin";

    /// <summary>The group of users who see every line.</summary>
    public const string AllLinesGroup = "all-lines";

    private readonly PlantModel _plant;

    public TwinHub(PlantModel plant)
    {
        _plant = plant;
    }

    /// <summary>Gets the group name of a line.</summary>
    /// <param name="line">The line id.</param>
    /// <returns>The group name.</returns>
    public static string LineGroup(string line) => "line:" + line;

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        var all = !user.HasClaim(c => string.Equals(c.Type, Roles.LineClaimType, StringComparison.Ordinal));
        foreach (var line in _plant.Lines())
        {
            if (Principals.MaySee(user, line.Id.Value))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, LineGroup(line.Id.Value), Context.ConnectionAborted);
            }
        }

        if (all)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AllLinesGroup, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
