using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>The site (plant) as a whole.</summary>
/// <param name="Id">The id; the <c>{site}</c> segment of telemetry topics.</param>
/// <param name="Name">The display name.</param>
/// <param name="TimeZone">The IANA time zone of the shift calendars (<c>Europe/Berlin</c>).</param>
public sealed record Site(SiteId Id, string Name, string TimeZone);
