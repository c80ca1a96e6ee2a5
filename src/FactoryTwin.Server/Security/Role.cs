namespace FactoryTwin.Server.Security;

/// <summary>The roles, in increasing order of rights; each includes the rights of the ones below it.</summary>
public enum Role
{
    /// <summary>Sees the plant, live state, history, KPIs, alarms and forecasts.</summary>
    Viewer = 1,

    /// <summary>Also acknowledges and shelves alarms.</summary>
    Operator = 2,

    /// <summary>Also runs forecasts on demand and changes settings.</summary>
    Engineer = 3,

    /// <summary>Also manages users, API tokens and MQTT devices.</summary>
    Admin = 4,
}
