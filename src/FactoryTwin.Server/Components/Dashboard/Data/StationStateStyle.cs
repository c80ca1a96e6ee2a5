using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>
/// How a station state is drawn: a fill colour from a colour-blind-safe palette (Okabe–Ito), an SVG pattern and a
/// short text label, so that colour is never the only cue.
/// </summary>
/// <param name="State">The state, or <see langword="null"/> for no data.</param>
/// <param name="Label">The legend label.</param>
/// <param name="Badge">The abbreviation written on a station box.</param>
/// <param name="Fill">The fill colour (CSS).</param>
/// <param name="Pattern">The id of the SVG pattern drawn over the fill, or <see langword="null"/> for none.</param>
public sealed record StationStateStyle(StationState? State, string Label, string Badge, string Fill, string? Pattern)
{
    /// <summary>Gets the style of every state, in legend order.</summary>
    public static IReadOnlyList<StationStateStyle> All { get; } =
    [
        new(StationState.Working, "Working", "RUN", "#009E73", null),
        new(StationState.Setup, "Setup", "SET", "#56B4E9", "pat-dots"),
        new(StationState.Blocked, "Blocked", "BLK", "#E69F00", "pat-hatch"),
        new(StationState.Starved, "Starved", "STV", "#F0E442", "pat-cross"),
        new(StationState.Down, "Down", "DOWN", "#D55E00", "pat-dense"),
        new(StationState.OffShift, "Off shift", "OFF", "#BBBBBB", null),
        new(null, "No data", "?", "#FFFFFF", null),
    ];

    /// <summary>Gets the style of a state.</summary>
    /// <param name="state">The state, or <see langword="null"/> for no data.</param>
    /// <returns>The style.</returns>
    public static StationStateStyle Of(StationState? state)
    {
        foreach (var s in All)
        {
            if (s.State == state)
            {
                return s;
            }
        }

        return All[^1];
    }
}
