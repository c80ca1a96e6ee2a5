namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>What the oven page shows.</summary>
/// <param name="Oven">The oven's asset id.</param>
/// <param name="Name">The oven's name.</param>
/// <param name="AsOf">When it was read.</param>
/// <param name="Zones">The zones, entry first.</param>
/// <param name="Bodies">The bodies now inside, oldest first.</param>
public sealed record OvenLive(string Oven, string Name, DateTimeOffset AsOf, IReadOnlyList<OvenZoneLive> Zones, IReadOnlyList<OvenBodyLive> Bodies);
