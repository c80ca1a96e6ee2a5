using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>An MQTT publisher (a PLC gateway) and the lines it may publish for.</summary>
/// <param name="Id">The id; also its MQTT client id and user name.</param>
/// <param name="Name">The display name.</param>
/// <param name="Lines">The lines whose topics it may publish under.</param>
public sealed record Gateway(GatewayId Id, string Name, ValueList<LineId> Lines);
