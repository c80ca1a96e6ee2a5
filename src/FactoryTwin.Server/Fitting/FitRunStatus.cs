namespace FactoryTwin.Server.Fitting;

/// <summary>How a request to fit the served plant ended.</summary>
internal enum FitRunStatus
{
    /// <summary>The fit ran and is stored.</summary>
    Done,

    /// <summary>The range is invalid; nothing ran.</summary>
    Invalid,

    /// <summary>Another analysis is running on this host; nothing ran.</summary>
    Busy,
}
