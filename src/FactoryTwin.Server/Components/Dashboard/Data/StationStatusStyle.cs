namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>
/// How a station state is drawn: a fill colour from a colour-blind-safe palette (Okabe–Ito), an SVG pattern and a
/// short text label, so that colour is never the only cue.
/// </summary>
/// <param name="Status">The state.</param>
/// <param name="Label">The legend label.</param>
/// <param name="Badge">The abbreviation written on a station box.</param>
/// <param name="Fill">The fill colour (CSS).</param>
/// <param name="Pattern">The id of the SVG pattern drawn over the fill, or <see langword="null"/> for none.</param>
public sealed record StationStatusStyle(StationStatus Status, string Label, string Badge, string Fill, string? Pattern)
{
    /// <summary>Gets the style of every state, in legend order.</summary>
    public static IReadOnlyList<StationStatusStyle> All { get; } =
    [
        new(StationStatus.Working, "Working", "RUN", "#009E73", null),
        new(StationStatus.Setup, "Setup", "SET", "#56B4E9", "pat-dots"),
        new(StationStatus.Blocked, "Blocked", "BLK", "#E69F00", "pat-hatch"),
        new(StationStatus.Starved, "Starved", "STV", "#F0E442", "pat-cross"),
        new(StationStatus.Down, "Down", "DOWN", "#D55E00", "pat-dense"),
        new(StationStatus.OffShift, "Off shift", "OFF", "#BBBBBB", null),
        new(StationStatus.Unknown, "No data", "?", "#FFFFFF", null),
    ];

    /// <summary>Gets the style of a state.</summary>
    /// <param name="status">The state.</param>
    /// <returns>The style.</returns>
    public static StationStatusStyle Of(StationStatus status)
    {
        foreach (var s in All)
        {
            if (s.Status == status)
            {
                return s;
            }
        }

        return All[^1];
    }
}
