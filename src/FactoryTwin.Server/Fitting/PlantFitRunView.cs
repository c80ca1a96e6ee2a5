namespace FactoryTwin.Server.Fitting;

/// <summary>A stored fit of the served plant from this server's historian.</summary>
/// <param name="Id">The run id.</param>
/// <param name="At">When it ran, on the plant clock.</param>
/// <param name="User">Who ran it.</param>
/// <param name="ElapsedSeconds">How long it took, in wall-clock seconds.</param>
/// <param name="PlantValues">The distributions the plant file holds now, for each field a fit may replace.</param>
/// <param name="Report">The fits and the proposed diff, as <c>factorytwin fit --output json</c> prints them; never written.</param>
internal sealed record PlantFitRunView(string Id, DateTimeOffset At, string User, double ElapsedSeconds, IReadOnlyList<PlantValueView> PlantValues, PlantFitDto Report)
{
    /// <summary>Gets the plant file's distribution of a station's field, or <see langword="null"/>.</summary>
    /// <param name="station">The station id.</param>
    /// <param name="field">The field, as in <see cref="PlantValueView.Field"/>.</param>
    /// <returns>The value.</returns>
    public PlantValueView? PlantValue(string station, string field) =>
        PlantValues.FirstOrDefault(v => string.Equals(v.Station, station, StringComparison.Ordinal) && string.Equals(v.Field, field, StringComparison.Ordinal));
}
