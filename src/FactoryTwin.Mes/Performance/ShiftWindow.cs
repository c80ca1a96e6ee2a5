namespace FactoryTwin.Mes.Performance;

/// <summary>A report window: a shift, or the part of it up to now.</summary>
/// <param name="From">The inclusive start (UTC).</param>
/// <param name="Until">The exclusive end (UTC): the shift's end, or now while it runs.</param>
/// <param name="Label">The shift as <c>yyyy-MM-dd/{shift}</c> in the site's local date.</param>
public sealed record ShiftWindow(DateTimeOffset From, DateTimeOffset Until, string Label)
{
    /// <summary>
    /// Finds the window a <c>shift</c> argument names on the release line's calendar in the site's time zone:
    /// <c>current</c> (the default: the shift in force, or the last one when off shift, up to now), <c>previous</c> (the
    /// one before it), or <c>yyyy-MM-dd/{shift id}</c> (that shift on that local date).
    /// </summary>
    /// <param name="plant">The plant.</param>
    /// <param name="shift">The argument, or <see langword="null"/> for <c>current</c>.</param>
    /// <param name="now">The plant clock's now.</param>
    /// <param name="window">The window when found.</param>
    /// <param name="error">What is wrong with the argument otherwise.</param>
    /// <returns>Whether the window was found.</returns>
    public static bool TryResolve(Model.Plants.PlantModel plant, string? shift, DateTimeOffset now, out ShiftWindow? window, out string? error) =>
        ShiftCalendarWindows.TryResolve(plant, shift, now, out window, out error);

    /// <summary>
    /// Finds the first whole shift of the release line's calendar that ends after <paramref name="after"/> (the shift in
    /// force, or the next one when off shift), in the site's time zone.
    /// </summary>
    /// <param name="plant">The plant.</param>
    /// <param name="after">An instant.</param>
    /// <returns>The shift, or <see langword="null"/> when the release line has no shift calendar.</returns>
    public static ShiftWindow? NextEnding(Model.Plants.PlantModel plant, DateTimeOffset after) => ShiftCalendarWindows.NextEnding(plant, after);
}
