namespace FactoryTwin.Mes.Performance;

/// <summary>Where an order stands against its plan.</summary>
public enum OrderStatus
{
    /// <summary>No body of the order has been released.</summary>
    NotStarted,

    /// <summary>Bodies are released, fewer than ordered have left the plant, and the due time has not passed.</summary>
    InProgress,

    /// <summary>As many bodies as ordered have left the plant.</summary>
    Completed,

    /// <summary>The due time has passed with fewer bodies finished than ordered.</summary>
    Late,
}
